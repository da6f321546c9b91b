"""Event clusters: many reports of one event become one cluster, distinct events stay apart."""

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.dedup import Row, cluster_rows

D = dt.date


def ev(i, type="SANCTION", src="CAN", tgt="IND", status="occurred", day=D(2024, 10, 14), last=None,
       precision="day", sentence="Canada expelled six Indian diplomats.", article="a"):
    return Row(i, type, src, tgt, status, day, last or day, precision, sentence, article, i)


def groups(mapping):
    out = {}
    for eid, cid in mapping.items():
        out.setdefault(cid, set()).add(eid)
    return sorted(sorted(g) for g in out.values())


def test_five_reports_in_different_words_are_one_cluster():
    rows = [
        ev(1, sentence="Canada expelled six Indian diplomats on Monday.", article="a"),
        ev(2, sentence="Ottawa ordered six of New Delhi's envoys to leave the country.", article="b"),
        ev(3, day=D(2024, 10, 15), sentence="Six Indian diplomats were told to go.", article="c"),  # dated from publication
        ev(4, sentence="The expulsions announced by Canada hit India's high commissioner.", article="d"),
        ev(5, sentence="Canada's decision to expel the diplomats", article="e"),
    ]
    assert groups(cluster_rows(rows)) == [[1, 2, 3, 4, 5]]


def test_the_cluster_id_is_the_smallest_member_id():
    assert set(cluster_rows([ev(7), ev(3), ev(9)]).values()) == {3}


def test_the_reverse_dyad_and_other_types_are_other_clusters():
    rows = [ev(1), ev(2, src="IND", tgt="CAN"), ev(3, type="ACCUSE")]
    assert groups(cluster_rows(rows)) == [[1], [2], [3]]


def test_a_denial_is_not_a_report_of_the_event():
    assert groups(cluster_rows([ev(1), ev(2, status="negated"), ev(3, status="reported")])) == [[1, 3], [2]]


def test_events_days_apart_are_different_events():
    assert groups(cluster_rows([ev(1), ev(2, day=D(2024, 10, 20))])) == [[1], [2]]


def test_a_year_precise_mention_joins_a_cluster_inside_that_year_but_does_not_chain_days():
    rows = [
        ev(1, day=D(2024, 3, 1)),
        ev(2, day=D(2024, 9, 1)),
        ev(3, day=D(2024, 1, 1), last=D(2024, 12, 31), precision="year"),
    ]
    # the year-precise report joins the first day cluster (most precise first), never both
    assert groups(cluster_rows(rows)) == [[1, 3], [2]]


def test_coarse_dates_need_similar_sentences():
    rows = [
        ev(1, day=D(2003, 1, 1), last=D(2003, 12, 31), precision="year", sentence="Russia banned the Taliban in 2003."),
        ev(2, day=D(2003, 1, 1), last=D(2003, 12, 31), precision="year",
           sentence="In 2003 the Supreme Court put the Taliban on Russia's list of banned groups."),
        ev(3, day=D(2003, 1, 1), last=D(2003, 12, 31), precision="year", sentence="Moscow froze assets of a charity."),
    ]
    assert groups(cluster_rows(rows)) == [[1, 2], [3]]


def test_events_with_an_unknown_side_stay_alone():
    assert groups(cluster_rows([ev(1, tgt=None), ev(2, tgt=None)])) == [[1], [2]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(["CAN", "IND"]), st.sampled_from(["occurred", "negated"])),
                min_size=1, max_size=12), st.randoms())
def test_clusters_do_not_depend_on_ingest_order(specs, rnd: random.Random):
    rows = [ev(i + 1, src=src, tgt="USA", status=status, day=D(2024, 1, 1) + dt.timedelta(days=off), article=f"a{i}")
            for i, (off, src, status) in enumerate(specs)]
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    assert groups(cluster_rows(rows)) == groups(cluster_rows(shuffled))
