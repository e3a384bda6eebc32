"""Input checks shared by the public functions: each raises ValueError naming the argument."""

import numbers

import numpy as np


def float_array(value, name, *, ndim=None, shape=None, finite=True, nonempty=True):
    """value as a new float64 array, or ValueError naming `name` and what is wrong.

    `ndim` may be an int or a tuple of allowed ints; `shape` an exact shape.
    """
    if value is None or isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be an array of numbers, got {value!r}")
    try:
        array = np.array(value, dtype=np.float64)  # a copy: callers may update it in place
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be an array of numbers: {error}") from None
    if ndim is not None and array.ndim not in (ndim if isinstance(ndim, tuple) else (ndim,)):
        raise ValueError(f"{name} must be {_ndim_words(ndim)}, got shape {array.shape}")
    if shape is not None and array.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}, got shape {array.shape}")
    if nonempty and array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape})")
    if finite and not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite, got NaN or infinity (shape {array.shape})")
    return array


def square_matrix(value, name):
    """A finite float64 n-by-n matrix, n >= 1."""
    array = float_array(value, name, ndim=2)
    if array.shape[0] != array.shape[1]:
        raise ValueError(f"{name} must be a square matrix, got shape {array.shape}")
    return array


def positive(value, name, *, allow_zero=False):
    """A finite real number > 0 (>= 0 with allow_zero), as a float."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be finite and {bound}, got {value!r}")
    return value


def count(value, name, *, minimum=0):
    """An integer >= minimum."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, np.integer)):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def _ndim_words(ndim):
    words = {0: "a scalar", 1: "a 1-D array", 2: "a 2-D array"}
    options = ndim if isinstance(ndim, tuple) else (ndim,)
    return " or ".join(words.get(n, f"a {n}-D array") for n in options)
