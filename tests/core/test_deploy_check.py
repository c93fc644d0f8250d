"""With the README's production settings, Django's deployment check is clean and the pages carry the
production headers (HSTS, https redirect, a Content-Security-Policy without unsafe-inline)."""

import os
import subprocess
import sys

PRODUCTION = {
    "SECRET_KEY": "t9Zq2w4L0vN8pR6sX1yB3cF5hJ7kM9nQ2wE4rT6yU8iO0pA-kumppani",
    "ALLOWED_HOSTS": "kumppani.example.fi",
    "SITE_URL": "https://kumppani.example.fi",
    "CSRF_TRUSTED_ORIGINS": "https://kumppani.example.fi",
}


def production_env(tmp_path) -> dict:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a production server never has it.
    unset = ("DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    return {**env, **PRODUCTION, "KUMPPANI_VAR_DIR": str(tmp_path)}


def test_check_deploy_prints_no_warning_with_the_readme_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kumppani", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_pages_carry_hsts_the_https_redirect_and_a_strict_csp(tmp_path):
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "c = Client(HTTP_HOST='kumppani.example.fi');"
        "plain = c.get('/api/v1/');"
        "secure = c.get('/api/v1/', secure=True);"
        "print(plain.status_code, plain['Location']);"
        "print(secure['Strict-Transport-Security']);"
        "print(secure['Content-Security-Policy'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**production_env(tmp_path), "DJANGO_SETTINGS_MODULE": "kumppani.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    redirect, hsts, csp = result.stdout.splitlines()
    assert redirect == "301 https://kumppani.example.fi/api/v1/"
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert "style-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
