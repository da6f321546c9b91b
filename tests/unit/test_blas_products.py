"""The product model's matrix products (``nlp.BlasOps``): numpy's BLAS on one thread, same results."""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from detente.nlp import BlasOps, get_fast_nlp


@pytest.mark.parametrize("trans1,trans2", [(False, False), (False, True), (True, False), (True, True)])
def test_blas_products_equal_thincs_own_up_to_rounding(trans1, trans2):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((37, 96), dtype=np.float32)
    y = rng.standard_normal((96, 53), dtype=np.float32)
    if trans1:
        x = np.ascontiguousarray(x.T)
    if trans2:
        y = np.ascontiguousarray(y.T)
    ours = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    theirs = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert ours.dtype == np.float32 and ours.shape == theirs.shape == (37, 53)
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-4)


def test_blas_products_write_into_a_given_array():
    x = np.ones((4, 3), dtype=np.float32)
    y = np.full((3, 2), 2.0, dtype=np.float32)
    out = np.zeros((4, 2), dtype=np.float32)
    got = BlasOps().gemm(x, y, out=out)
    assert got is out and (out == 6.0).all()


def test_blas_thread_count_is_left_as_it_was():
    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    BlasOps().gemm(np.ones((300, 300), dtype=np.float32), np.ones((300, 300), dtype=np.float32))
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before


def test_every_layer_of_the_product_model_multiplies_by_blas():
    nlp = get_fast_nlp()
    layers = [layer for _n, proc in nlp.pipeline if getattr(proc, "model", None) is not None
              for layer in proc.model.walk()]
    assert layers and all(isinstance(layer.ops, BlasOps) for layer in layers)


def test_a_pickled_component_keeps_its_blas_products():
    """Components cross process boundaries pickled (spaCy's n_process, Dask); the ops go with them."""
    import pickle

    ner = pickle.loads(pickle.dumps(get_fast_nlp().get_pipe("ner")))
    ops = next(iter(ner.model.walk())).ops
    assert isinstance(ops, BlasOps)
    x = np.eye(3, dtype=np.float32)
    assert (ops.gemm(x, x) == x).all()


def test_overlapping_products_in_threads_leave_the_thread_count_as_it_was():
    """The web app extracts in threads: products that overlap must not restore each other's limit."""
    import threading

    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    ops = BlasOps()
    x = np.ones((120, 200), dtype=np.float32)
    errors = []

    def run():
        try:
            for _ in range(150):
                assert (ops.gemm(x, x, trans2=True) == 200.0).all()
        except AssertionError as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before
