"""People stage, English: titles, first names, organisations, clustering, pronouns."""
from genderindex.people import find_people, resolve_reference
from genderindex.text.document import TextDoc


def people(text):
    return find_people(TextDoc(text, lang="en"))


def by_name(ps):
    return {p.name: p for p in ps}


def test_full_name_surname_and_pronoun_cluster():
    ps = people("Justin Trudeau arrived on Monday. Trudeau said he was pleased with the talks.")
    assert [p.name for p in ps] == ["Justin Trudeau"]
    kinds = [m.kind for m in ps[0].mentions]
    assert kinds == ["name", "name", "pronoun"]
    assert ps[0].gender == "male"


def test_honorifics_give_gender():
    ps = people("Mrs. Alvarez runs the bakery. Mr. Okafor, her neighbour, disagreed.")
    names = by_name(ps)
    assert names["Alvarez"].gender == "female"
    assert names["Okafor"].gender == "male"
    assert names["Okafor"].gender_evidence[0].cue == "honorific"


def test_titles_attach_and_give_no_gender():
    ps = people("Sen. Robin Vale and Gov. Casey Marsh met reporters.")
    names = by_name(ps)
    assert names["Robin Vale"].titles == ["Sen."]
    assert names["Casey Marsh"].gender == "unknown"


def test_organisations_places_and_days_are_not_people():
    ps = people(
        "The White House said on Tuesday that the Clinton Foundation and Trump Tower in New York "
        "were not involved. In March, the Pentagon agreed."
    )
    assert ps == []


def test_first_name_table():
    ps = people("Margaret Holloway and Gregory Pitts spoke to the council.")
    names = by_name(ps)
    assert names["Margaret Holloway"].gender == "female"
    assert names["Gregory Pitts"].gender == "male"
    assert names["Gregory Pitts"].gender_evidence[0].cue == "given_name"


def test_possessive_and_headline_case():
    ps = people("Struggling Donald Trump Claims Victory\n\nDonald Trump's aides were silent.")
    assert [p.name for p in ps] == ["Donald Trump"]


def test_byline_excluded():
    ps = people("By Jane Porter\n\nThe mayor, Ellen Brooks, opened the bridge.")
    assert [p.name for p in ps] == ["Ellen Brooks"]


def test_she_resolves_to_the_woman():
    text = "Ellen Brooks met Tom Reyes. She said the bridge would open soon."
    doc = TextDoc(text, lang="en")
    ps = find_people(doc)
    p = resolve_reference(doc, ps, text.index("She"))
    assert p is not None and p.name == "Ellen Brooks"


def test_middle_initial_variants_are_one_person():
    ps = people("Donald J. Trump spoke on Friday. Later Donald Trump and Mr. Trump left the stage.")
    assert [p.name for p in ps] == ["Donald J. Trump"]
    assert len(ps[0].mentions) == 3


def test_possessive_organisation_before_name():
    ps = people("CNN's Jake Tapper interviewed the senator.")
    assert [p.name for p in ps] == ["Jake Tapper"]


def test_first_names_that_are_places():
    ps = people("George Washington crossed the river. Michael Jordan scored. The Arizona Republic reported it.")
    assert sorted(p.name for p in ps) == ["George Washington", "Michael Jordan"]


def test_street_names_are_not_people():
    ps = people("The house on Willow Crescent was empty. Police closed Harbour Drive and Kingsley Way "
                "while Maria Lopez, a resident, spoke to officers.")
    assert [p.name for p in ps] == ["Maria Lopez"]


def test_street_word_that_is_a_surname():
    ps = people("A body was found at a house on Marsh Lane. Diane Lane, who lives nearby, said she "
                "heard shouting. Mrs. Close, her neighbour, called the police.")
    names = sorted(p.name for p in ps)
    assert "Marsh Lane" not in names
    assert "Diane Lane" in names and "Close" in names
