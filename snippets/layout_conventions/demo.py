"""demo"""
# --8<-- [start:body]
import numpy as np

assert np.eye(2).shape == (2, 2)
# --8<-- [end:body]
