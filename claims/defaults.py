"""The rating scale a new newsroom starts with. Editors can change it in the admin."""

DEFAULT_SCALE = {
    "name": "Standard scale",
    "slug": "standard",
    "description": "Six ratings, from False to True. Unproven sits in the middle: the "
    "evidence available does not settle the claim either way.",
}
# (value, slug, label, colour, description): a higher value is truer. The colours keep
# white text readable (contrast of at least 4.5:1).
DEFAULT_RATINGS = [
    (6, "true", "True", "#1b5e20", "The claim is accurate and nothing significant is missing."),
    (
        5,
        "mostly-true",
        "Mostly true",
        "#2e6b30",
        "The claim is accurate but needs clarification or additional information.",
    ),
    (4, "mixed", "Mixed", "#6d5200", "The claim is partly accurate and partly not."),
    (
        3,
        "unproven",
        "Unproven",
        "#4a4a4a",
        "The evidence available to us neither confirms nor refutes the claim.",
    ),
    (
        2,
        "misleading",
        "Misleading",
        "#9a3d00",
        "The claim contains accurate elements but leaves a false impression.",
    ),
    (1, "false", "False", "#b71c1c", "The claim is inaccurate."),
]


def ensure_default_scale(RatingScale, Rating):
    """Create the default scale if it is missing; never touch a scale editors changed."""
    scale, created = RatingScale.objects.get_or_create(
        slug=DEFAULT_SCALE["slug"],
        defaults={
            **DEFAULT_SCALE,
            "is_default": not RatingScale.objects.filter(is_default=True).exists(),
        },
    )
    if created:
        for value, slug, label, colour, description in DEFAULT_RATINGS:
            Rating.objects.create(
                scale=scale,
                value=value,
                slug=slug,
                label=label,
                colour=colour,
                description=description,
            )
    return scale
