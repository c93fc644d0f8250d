import subprocess
import sys


def _start(env: dict) -> subprocess.CompletedProcess:
    code = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'kumppani.settings'); django.setup()"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)


def test_production_refuses_to_start_with_the_development_secret(tmp_path):
    result = _start({"PATH": "/usr/bin:/bin", "KUMPPANI_VAR_DIR": str(tmp_path), "ALLOWED_HOSTS": "kumppani.example"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = _start(
        {
            "PATH": "/usr/bin:/bin",
            "KUMPPANI_VAR_DIR": str(tmp_path),
            "SECRET_KEY": "kumppani-test-key-" + "0123456789abcdef" * 3,
        }
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_when_configured(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "KUMPPANI_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "kumppani-test-key-" + "0123456789abcdef" * 3,
        "ALLOWED_HOSTS": "a.example",
    }
    result = _start(env)
    assert result.returncode == 0, result.stderr


def test_a_bad_boolean_is_refused(tmp_path):
    result = _start({"PATH": "/usr/bin:/bin", "KUMPPANI_VAR_DIR": str(tmp_path), "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr
