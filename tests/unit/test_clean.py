from hypothesis import given, strategies as st

from detente.clean import clean_text


def test_curly_quotes_and_dashes_keep_offsets():
    text = "\u201cWe agree\u201d \u2014 Moscow\u2019s envoy"
    c = clean_text(text)
    assert c.text == '"We agree" - Moscow\'s envoy'
    i = c.text.index("Moscow")
    s, e = c.orig_span(i, i + len("Moscow"))
    assert text[s:e] == "Moscow"


def test_bullets_and_headings_become_sentences():
    text = "At a Glance\n\u2022 Russia accepts envoy\n\u2022 Trade deals follow\n\nBody text here."
    c = clean_text(text)
    assert "At a Glance." in c.text
    assert "Russia accepts envoy." in c.text
    assert "\u2022" not in c.text
    i = c.text.index("Trade")
    assert text[c.orig(i):c.orig(i) + 5] == "Trade"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_offsets_are_monotonic_and_in_range(text):
    c = clean_text(text)
    assert len(c.offsets) == len(c.text) + 1
    assert all(0 <= o <= len(text) for o in c.offsets)
    assert list(c.offsets) == sorted(c.offsets)


def test_a_wire_dateline_becomes_its_own_sentence():
    text = "OTTAWA, Oct 14 (Detente Wire) \u2013 Canada expelled six Indian diplomats."
    cleaned = clean_text(text)
    assert cleaned.text.startswith("OTTAWA, Oct 14 (Detente Wire) . Canada expelled")
    assert len(cleaned.text) == len(text)  # one character for one: offsets unchanged


def test_a_dash_inside_a_sentence_is_not_a_dateline():
    for text in ("US - China talks resumed on Monday.", "The UN - which met on Friday - agreed."):
        assert "." not in clean_text(text).text[:-1]


def test_a_dateline_with_a_region_after_the_city_becomes_its_own_sentence():
    cleaned = clean_text("PORT LOUIS, Republic Island, Jun 6 (Island Wire) - Two neighbours signed a pact.")
    assert cleaned.text.startswith("PORT LOUIS, Republic Island, Jun 6 (Island Wire) . Two neighbours")
