"""English lexicon coverage: victim blaming, harassment trivialising, appearance,
stereotypes, family framing and insults, and the contexts that keep them quiet."""
import pytest

from genderindex import check_text


def rules(text):
    return [f.rule for f in check_text(text, lang="en")]


@pytest.mark.parametrize(
    "text, rule",
    [
        ("The senator called the recording locker room talk and moved on.", "en.gbv_trivialising.locker-room-talk"),
        ("He later called the remarks “locker room” banter.", "en.gbv_trivialising.locker-room-talk"),
        ("Asked about the groping claims, he said it’s just words and nothing more.", "en.gbv_trivialising.just-words"),
        ("The court heard the coach had an inappropriate relationship with a pupil aged 14.", "en.gbv_trivialising.inappropriate"),
        ("The teacher seduced a student who was 15 at the time.", "en.gbv_trivialising.sex-with-minor"),
        ("Police were called to a domestic row and found the woman stabbed.", "en.gbv_trivialising.domestic-dispute"),
        ("Neighbours said the husband snapped and killed her after an argument.", "en.gbv_victim_blaming.snapped"),
        ("His lawyer said she provoked him before he beat her.", "en.gbv_victim_blaming.provoked-him"),
        ("He told the jury she died in rough sex gone wrong after he strangled her.", "en.gbv_victim_blaming.rough-sex"),
        ("Commentators asked why didn’t she report it before the harassment became public.", "en.gbv_victim_blaming.why-didnt-she"),
        ("Critics said the accusers were attention seekers who invented the groping story.", "en.gbv_victim_blaming.seeking-attention"),
        ("A colleague said she was the one being flirtatious before he groped her.", "en.gbv_victim_blaming.she-flirted"),
        ("He said women who complain about harassment don’t belong in the workplace.", "en.gbv_victim_blaming.cant-handle-harassment"),
        ("The family was charged over an honour killing in the village.", "en.gbv_victim_blaming.honour-killing"),
        ("The pretty blonde mother-of-two was elected to the council.", "en.appearance.pretty-victim"),
        ("The minister, wearing a figure-hugging dress, announced the budget.", "en.appearance.dress-description"),
        ("The director joked that she had gone chubby since the last film.", "en.appearance.chubby"),
        ("Rivals described her as shrill during the debate.", "en.stereotype_women.shrill"),
        ("Staff called the new chief executive an ice queen.", "en.stereotype_women.ice-queen"),
        ("Some still think nursing is women's work.", "en.stereotype_women.womens-work"),
        ("He said the loss left him feeling emasculated.", "en.stereotype_men.emasculated"),
        ("Cherie Blair, the wife of former Prime Minister Tony Blair, spoke at the event.", "en.family_framing.wife-of-official"),
        ("A grandmother-of-five won the cycling race.", "en.family_framing.mother-of-two"),
        ("He called his opponent a nasty woman on stage.", "en.sexist_insult.bimbo"),
        ("Listen, little lady, he told the reporter.", "en.sexist_insult.little-lady"),
        ("The coach said she was pretty good for a woman.", "en.stereotype_women.for-a-woman"),
        ("Police said the jilted boyfriend stabbed her outside the shop.", "en.gbv_victim_blaming.jealous-rage"),
        ("The report described the 15-year-old as an underage prostitute.", "en.gbv_trivialising.sex-with-minor"),
        ("The profile praised her for balancing motherhood and a career.", "en.family_framing.working-mother"),
        ("The female attorney told the court her client was innocent.", "en.gendered_occupation.female-occupation"),
        ("He once called women he disliked fat pigs and slobs.", "en.sexist_insult.called-women-animals"),
        ("The tape has him saying he would grab them by the p***y.", "en.sexist_insult.censored-slur"),
        ("Asked about the accuser, he said she would not be my first choice.", "en.appearance.not-my-type"),
    ],
)
def test_new_entries_fire(text, rule):
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The players met in the locker room after the match.",  # literal locker room
        "These are not just words on paper, the minister said of the treaty.",  # no harassment context
        "The university published a new sexual misconduct policy on Monday.",  # name of a policy
        "The mother of one of the pupils spoke to reporters.",  # not a label
        "He snapped a photo of the parade.",  # no violence nearby
        "The report called it a so-called honour killing.",  # already distanced
        "The stress made her voice shrill, a common symptom of anxiety, she said.",  # symptom list
        "Investors found the bond an attractive investment.",  # not a person
        "The company signed a sweetheart deal with the city.",  # idiom
        "Missy Franklin won gold in the pool.",  # a name
        "The farmer said the old cow had stopped giving milk.",  # livestock
        "The cat curled up; the pussy willow was in bloom.",  # plant and animal
        "She was a plucky underdog in a team of veterans.",  # sports idiom context
        "He became a grandfather last year.",  # nothing to flag
        "Her memoir, Plenty Ladylike, was published in 2015.",  # a title
        "Let us look at her record on trade, the senator said.",  # not about looks
        "The officer acted inappropriately when he arrested the student, the court found.",  # not sexual
        "Scientists studied the biological clock of fruit flies.",  # circadian rhythm
        "A balanced diet is good for a woman's health.",  # not a comparison
        "Voters plump for her party, she said.",  # verb
        "The reform worried rich businessmen and women alike.",  # names both
        "She said she wanted it to stop and reported the harassment.",  # her own account
        "Victims of harassment are seeking money in compensation, she said.",  # legitimate claim
        "There is a reason we have never had a woman president.",  # the sex is the point
        "Voters may elect a woman president before the decade ends.",  # the sex is the point
        "He lost control of the car and was killed on the motorway.",  # a crash, not an excuse
        "Children who grow up with sexual abuse need support.",  # "grow up" is not "toughen up"
        "He married his high school sweetheart in June.",  # not an address
        "Critics said the bill would emasculate the regulator.",  # institutional metaphor
        "They built a granny flat behind the house.",  # compound noun
        "Police are looking for a blonde woman in her thirties.",  # a suspect description
        "The two countries have a stormy relationship, and troops were killed at the border.",  # not a couple
    ],
)
def test_quiet_contexts(text):
    assert rules(text) == []


def test_locker_room_talk_is_gbv_trivialising_not_stereotype():
    fs = check_text("He dismissed it as locker-room talk.", lang="en")
    assert [(f.rule, f.category) for f in fs] == [("en.gbv_trivialising.locker-room-talk", "gbv_trivialising")]
    assert fs[0].suggestions and fs[0].source


def test_curly_apostrophes_match_like_straight_ones():
    straight = rules("Real men don't cry, he said.")
    curly = rules("Real men don’t cry, he said.")
    assert straight == curly == ["en.stereotype_men.real-men"]
