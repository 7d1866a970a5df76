"""Which language a text is in, and how PostgreSQL should search text in it."""

from functools import lru_cache

# The languages this newsroom's war is reported in, and a few neighbours, so that a
# sentence in a language we do not expect is not forced into one we do.
LANGUAGES = ["en", "ru", "uk", "az", "hy", "tr", "fr", "ar", "de", "es", "ka", "fa", "it"]
UNDETERMINED = "und"
LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Russian",
    "uk": "Ukrainian",
    "az": "Azerbaijani",
    "hy": "Armenian",
    "tr": "Turkish",
    "fr": "French",
    "ar": "Arabic",
    "de": "German",
    "es": "Spanish",
    "ka": "Georgian",
    "fa": "Persian",
    "it": "Italian",
}
MIN_CONFIDENCE = 0.6

# PostgreSQL's own text search configurations; 'simple' (no stemming) elsewhere.
SEARCH_CONFIGS = {
    "en": "english",
    "ru": "russian",
    "fr": "french",
    "tr": "turkish",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "ar": "arabic",
}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(LANGUAGES)
    return identifier


def detect(text) -> str:
    """An ISO 639-1 code, or 'und' when the text is too short or too mixed to tell."""
    letters = sum(ch.isalpha() for ch in text or "")
    if letters < 3:
        return UNDETERMINED
    language, confidence = _identifier().classify(text[:5000])
    return language if confidence >= MIN_CONFIDENCE else UNDETERMINED


def search_config(language) -> str:
    return SEARCH_CONFIGS.get((language or "")[:2], "simple")
