"""Reads and writes a test database directly, for what no command or page does yet (an account linked
to a pupil of another school) and to check what a command left in the tables. `url` is the one
harness.fresh_database_url gave: "sqlite:/path" or "postgresql://numeria@/name?host=DIR".
Values are inlined by the tests themselves: never pass text that comes from outside a test."""
import sqlite3
import subprocess


def query(url, statement):
    """Runs one statement; returns its rows as tuples of strings (None for NULL)."""
    if url.startswith("sqlite:"):
        connection = sqlite3.connect(url[len("sqlite:"):], timeout=10)
        try:
            rows = connection.execute(statement).fetchall()
            connection.commit()
        finally:
            connection.close()
        return [tuple(None if value is None else str(value) for value in row) for row in rows]
    result = subprocess.run(["psql", "-q", "-X", "-A", "-t", "-F", "\t", "-P", "null=\\N", "-v", "ON_ERROR_STOP=1",
                             url, "-c", statement], check=True, capture_output=True, text=True)
    return [tuple(None if value == "\\N" else value for value in line.split("\t"))
            for line in result.stdout.splitlines() if line]


def scalar(url, statement):
    rows = query(url, statement)
    return rows[0][0] if rows else None


def create_user(url, first_name, last_name, email=None, username=None, password_hash="not-a-real-hash"):
    """Inserts an account and returns its id (as a string)."""
    def text(value):
        return "NULL" if value is None else "'" + value.replace("'", "''") + "'"
    query(url, "INSERT INTO users (first_name, last_name, email, username, password_hash, must_change_password, "
               f"created_at, updated_at) VALUES ({text(first_name)}, {text(last_name)}, {text(email)}, "
               f"{text(username)}, {text(password_hash)}, 0, 0, 0)")
    column, value = ("email", email) if email is not None else ("username", username)
    return scalar(url, f"SELECT id FROM users WHERE {column} = {text(value)}")
