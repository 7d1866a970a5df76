"""Matching claims by meaning, in any language: "has this been checked?".

- encoder: a sentence → a unit vector (one small interface; the model behind it can change);
- language: which language a text is in, and PostgreSQL's search configuration for it;
- vectors: every claim's stored vectors, kept in step with its text by the worker;
- index: the approximate nearest-neighbour index file every process reads;
- stance: whether a sentence denies or asserts, in the languages we cover;
- search: the one entry point, match(), that fuses meaning with words.
"""
