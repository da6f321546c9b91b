"""The word-list loader and the base of stage settings files (detente.wordlists)."""

import pytest
import yaml
from pydantic import ValidationError

from detente.events.patterns import PatternError, parse_pattern_file
from detente.wordlists import FILES, DataFile, WordList, word_sets, words


class _Settings(DataFile):
    verbs: list[str]
    nouns: WordList


def _write(tmp_path, text):
    path = tmp_path / "settings.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_file_reads_its_keys_and_leaves_an_absent_word_list_empty(tmp_path):
    got = _Settings.read(_write(tmp_path, "version: 3\nverbs: [sign, meet]\n"))
    assert (got.version, got.verbs, got.nouns) == (3, ["sign", "meet"], [])


def test_settings_file_refuses_a_key_it_does_not_declare(tmp_path):
    with pytest.raises(ValidationError, match="verbz"):
        _Settings.read(_write(tmp_path, "version: 1\nverbs: []\nverbz: [sign]\n"))


def test_settings_file_needs_a_version(tmp_path):
    with pytest.raises(ValidationError, match="version"):
        _Settings.read(_write(tmp_path, "verbs: [sign]\n"))


def test_settings_file_read_once_gives_the_same_object_for_the_same_file(tmp_path):
    path = _write(tmp_path, "version: 1\nverbs: [sign]\n")
    assert _Settings.read_once(path) is _Settings.read_once(path)
    assert _Settings.read(path) is not _Settings.read(path)


def test_settings_file_refuses_a_key_given_twice(tmp_path):
    # plain YAML keeps the second value: a setting written twice would change behaviour silently
    with pytest.raises(yaml.YAMLError, match="'verbs' given twice"):
        _Settings.read(_write(tmp_path, "version: 1\nverbs: [sign]\nnouns: []\nverbs: [meet]\n"))


def test_pattern_file_refuses_a_key_given_twice_in_one_pattern(tmp_path):
    path = tmp_path / "events.yml"
    path.write_text("version: 1\npatterns:\n  - {id: a.b, type: AGREE, type: REJECT}\n", encoding="utf-8")
    with pytest.raises(PatternError, match="given twice"):
        parse_pattern_file(path)


def test_unquoted_yaml_boolean_in_a_word_list_is_an_error(tmp_path):
    # `on` unquoted is YAML's true: a preposition list must quote it
    with pytest.raises(ValidationError):
        _Settings.read(_write(tmp_path, "version: 1\nverbs: [to, on, from]\n"))


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_packaged_word_list_loads_as_sets_of_its_words(name):
    lists = words(name)
    sets = word_sets(name)
    assert {k for k, v in lists.items() if isinstance(v, list)} == set(sets)
    for k, ws in sets.items():
        assert ws == set(lists[k]) and all(w == w.strip() and w for w in ws), k


def test_moved_actor_words_keep_their_readings():
    from detente.actors.resolve import HEDGE_RE, PLACE_PREPS

    assert HEDGE_RE.sub("", "so-called Islamic State") == "Islamic State"
    assert HEDGE_RE.sub("", "so called Islamic State") == "so called Islamic State"
    assert "on" in word_sets("actors")["head_separators"] and "throughout" in PLACE_PREPS
