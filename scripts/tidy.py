#!/usr/bin/python3
"""clang-tidy over every C++ file of src/ with the checks of .clang-tidy (`make tidy`; `make lint` runs it).

Usage: scripts/tidy.py [--jobs N] [--no-cache] [FILE ...]

The flags come from build/tidy/compile_commands.json, a tree configured (never built) with clang, so
clang-tidy sees clang's flags, not g++'s. A file that passed is remembered in
$NUMERIA_TIDY_CACHE (default ~/.cache/numeria-clang-tidy) under a digest of its preprocessed text
(comments kept, so NOLINTs count), its flags, .clang-tidy and clang-tidy's version: a second run
only checks the files whose code, or whose headers, changed. A file with findings is never
remembered. Prints the findings and exits 1 if there are any.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import resource
import shlex
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BUILD = os.path.join(ROOT, "build", "tidy")
TIDY = "clang-tidy"


def configure():
    env = dict(os.environ, CC="clang", CXX="clang++")
    subprocess.run(["cmake", "-S", ROOT, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug",
                    "-DNUMERIA_WERROR=OFF"],
                   check=True, env=env, stdout=subprocess.DEVNULL)


def preprocess_command(entry):
    """The entry's compile command, turned into `-E -C` to standard output."""
    args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
    out = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "-o":
            skip = True
        elif arg != "-c":
            out.append(arg)
    return out + ["-E", "-C", "-o", "-"]


def cache_key(entry, salt):
    command = preprocess_command(entry)
    text = subprocess.run(command, cwd=entry["directory"], capture_output=True, check=True).stdout
    digest = hashlib.sha256(salt)
    # The same code in another checkout (another worktree) gives the same digest.
    digest.update(shlex.join(command).replace(ROOT, "").encode())
    digest.update(text.replace(ROOT.encode(), b""))
    return digest.hexdigest()


def check(entry, salt, cache_dir):
    started = time.monotonic()
    key = None
    if cache_dir:
        try:
            key = cache_key(entry, salt)
        except subprocess.CalledProcessError:
            key = None  # clang-tidy reports what does not compile
        if key and os.path.exists(os.path.join(cache_dir, key)):
            return entry["file"], True, "", time.monotonic() - started, True
    result = subprocess.run([TIDY, "-p", BUILD, "--quiet", entry["file"]], capture_output=True, text=True)
    output = "\n".join(line for line in (result.stdout + result.stderr).splitlines()
                       if not line.endswith(" warnings generated.") and not line.endswith(" warning generated."))
    passed = result.returncode == 0 and ": error:" not in output and ": warning:" not in output
    if passed and key:
        os.makedirs(cache_dir, exist_ok=True)
        open(os.path.join(cache_dir, key), "w").close()
    return entry["file"], passed, output, time.monotonic() - started, False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", os.cpu_count() or 2)))
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("files", nargs="*")
    options = parser.parse_args()

    configure()
    with open(os.path.join(BUILD, "compile_commands.json")) as f:
        entries = json.load(f)
    src = os.path.join(ROOT, "src") + os.sep
    wanted = {os.path.abspath(f) for f in options.files}
    entries = [e for e in entries if e["file"].startswith(src) and (not wanted or e["file"] in wanted)]
    entries.sort(key=lambda e: e["file"])

    version = subprocess.run([TIDY, "--version"], capture_output=True, text=True, check=True).stdout
    with open(os.path.join(ROOT, ".clang-tidy"), "rb") as f:
        salt = version.encode() + f.read()
    cache_dir = None if options.no_cache else os.environ.get(
        "NUMERIA_TIDY_CACHE", os.path.join(os.path.expanduser("~"), ".cache", "numeria-clang-tidy"))

    started = time.monotonic()
    failed = []
    cached = 0
    times = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        for file, passed, output, seconds, hit in pool.map(lambda e: check(e, salt, cache_dir), entries):
            cached += hit
            times.append((seconds, file))
            if not passed:
                failed.append(file)
                print(output.strip(), flush=True)
    elapsed = time.monotonic() - started
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(os.path.join(BUILD, "tidy-times.txt"), "w") as f:
        f.writelines(f"{s:.1f} {os.path.relpath(name, ROOT)}\n" for s, name in sorted(times, reverse=True))
    print(f"clang-tidy: {len(entries)} files ({cached} unchanged since they passed) in {elapsed:.0f} s "
          f"({used.ru_utime + used.ru_stime:.0f} s of CPU) with {options.jobs} jobs; "
          "times per file in build/tidy/tidy-times.txt")
    if failed:
        print(f"clang-tidy: findings in {len(failed)} files: " + " ".join(os.path.relpath(f, ROOT) for f in failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
