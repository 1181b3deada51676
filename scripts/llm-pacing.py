#!/usr/bin/env python3
"""Measures the LLM tier's pacing against the project's fake Groq server (tests/llm/fake_groq.py),
which enforces a sliding-window limit the way Groq does.

  scripts/llm-pacing.py [--binary BUILD/asanasim ...] [--rpm 300] [--tpm 80000] [--latency 1.0]
                        [--archetypes 8] [--interrupts 3]

For each binary (several: one run each, side by side), `llm warm` from an empty cache with the
client told the server's limits, then prints: requests, 429 answers and their share, the wall
time, "TPM %" (the busiest minute's tokens, any 60 s window as the server counts them, over the
limit: at most 100%, and near it when tokens bind) and archetypes accepted per minute. With
--interrupts N (the last binary), N times: a generate run interrupted with SIGINT at a
random moment of its pool phase, then the same command again; prints the exit status (130), the
time to stop, the requests of the two runs against an uninterrupted run's, and whether the
database equals the uninterrupted run's byte for byte.

The defaults are 10x gpt-oss-20b's free tier (30 RPM, 8,000 TPM): times scale by 10 to it.
"""
import argparse
import re
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
FAKE = os.path.join(HERE, "..", "tests", "llm", "fake_groq.py")
KEY = "gsk_pacing_bench_key"
WORLD = ["--users", "80", "--projects", "10"]


class Server:
    def __init__(self, args):
        self.proc = subprocess.Popen([sys.executable, FAKE, "--key", KEY] + args,
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        self.url = "http://127.0.0.1:%d" % int(line.split()[1])

    def stats(self):
        with urllib.request.urlopen(self.url + "/stats") as r:
            return json.load(r)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def env_for(server):
    env = dict(os.environ)
    env.update({"GROQ_API_KEY": KEY, "GROQ_BASE_URL": server.url})
    return env


def limits(a):
    return ["--llm-rpm", str(a.rpm), "--llm-tpm", str(a.tpm), "--llm-archetypes", str(a.archetypes)]


def measure(binary, a):
    server = Server(["--rpm", str(a.rpm), "--tpm", str(a.tpm), "--latency", str(a.latency),
                     "--rpd", "1000000"])
    work = tempfile.mkdtemp(prefix="llm-pacing-")
    try:
        start = time.monotonic()
        r = subprocess.run([binary, "llm", "warm", "--llm-cache", os.path.join(work, "cache")] +
                           limits(a), env=env_for(server), capture_output=True, text=True)
        seconds = time.monotonic() - start
        st = server.stats()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    summary = [l for l in r.stdout.splitlines() if l.startswith("llm:")]
    variants = 0
    if summary:
        found = re.search(r"(\d+) of \d+ archetypes accepted", summary[0])
        variants = int(found.group(1)) if found else 0
    accepted = st["accepted"]
    tokens = sum(t for _, t in accepted)
    # The busiest minute: the most tokens the server counted in any 60 s window (a window starts
    # at an accepted request). At most the limit; near it when the limit binds.
    busiest = 0
    for i, (start, _) in enumerate(accepted):
        busiest = max(busiest, sum(t for at, t in accepted[i:] if at < start + 60))
    requests = st["requests"]
    n429 = st["statuses"].get("429", 0)
    return {
        "binary": binary, "exit": r.returncode, "requests": requests, "429": n429,
        "share_429": n429 / requests if requests else 0, "violations": st["violations"],
        "seconds": seconds, "tokens": tokens, "busiest_minute": busiest,
        "tpm_share": busiest / a.tpm, "variants": variants,
        "variants_per_min": variants / seconds * 60 if seconds else 0,
    }


def interrupt_trials(binary, a):
    rows = []
    server = Server(["--rpm", str(a.rpm), "--tpm", str(a.tpm), "--latency", str(a.latency),
                     "--rpd", "1000000"])
    work = tempfile.mkdtemp(prefix="llm-resume-")
    try:
        env = env_for(server)
        base = [binary, "generate", "-q"] + WORLD + limits(a)
        before = server.stats()["requests"]
        subprocess.run(base + ["--out", os.path.join(work, "whole.sqlite"), "--llm-cache",
                               os.path.join(work, "whole-cache")], env=env, check=True)
        needed = server.stats()["requests"] - before
        rng = random.Random(7)
        for trial in range(a.interrupts):
            cache = os.path.join(work, "cache-%d" % trial)
            out = os.path.join(work, "resumed-%d.sqlite" % trial)
            before = server.stats()["requests"]
            p = subprocess.Popen(base + ["-v", "--out", out, "--llm-cache", cache], env=env,
                                 stderr=subprocess.PIPE, text=True)
            time.sleep(rng.uniform(0.5, 4.0))
            sent_at_signal = server.stats()["requests"] - before
            signalled = time.monotonic()
            p.send_signal(signal.SIGINT)
            _, err = p.communicate()
            stop_s = time.monotonic() - signalled
            answered = err.count(": 200 in ")
            partial = [f for f in os.listdir(work) if f.startswith("resumed-%d" % trial)]
            r = subprocess.run(base + ["--out", out, "--llm-cache", cache], env=env)
            total = server.stats()["requests"] - before
            same = r.returncode == 0 and open(out, "rb").read() == open(
                os.path.join(work, "whole.sqlite"), "rb").read()
            rows.append({"exit": p.returncode, "stop_s": stop_s, "sent_before_signal":
                         sent_at_signal, "answered": answered, "files_left": partial,
                         "total_requests": total, "needed": needed,
                         "in_flight_lost": sent_at_signal - answered, "identical": same})
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", action="append")
    ap.add_argument("--rpm", type=int, default=300)
    ap.add_argument("--tpm", type=int, default=80000)
    ap.add_argument("--latency", type=float, default=1.0)
    ap.add_argument("--archetypes", type=int, default=8)
    ap.add_argument("--interrupts", type=int, default=0)
    a = ap.parse_args()
    binaries = a.binary or [os.path.join(HERE, "..", "build", "asanasim")]
    print("fake server: sliding 60 s window, %d RPM, %d TPM, %.1f s latency; %d archetypes a "
          "department" % (a.rpm, a.tpm, a.latency, a.archetypes))
    print("%-28s %5s %8s %6s %7s %8s %7s %9s %10s" % (
        "binary", "exit", "requests", "429s", "429 %", "seconds", "TPM %", "archetypes",
        "per min"))
    for b in binaries:
        m = measure(b, a)
        print("%-28s %5d %8d %6d %6.1f%% %8.1f %6.0f%% %9d %10.0f" % (
            b[-28:], m["exit"], m["requests"], m["429"], 100 * m["share_429"], m["seconds"],
            100 * m["tpm_share"], m["variants"], m["variants_per_min"]))
    if a.interrupts:
        for row in interrupt_trials(binaries[-1], a):
            print("interrupt: exit %(exit)d, stopped in %(stop_s).2f s, %(sent_before_signal)d "
                  "sent / %(answered)d answered before the signal, then %(total_requests)d "
                  "requests in all (uninterrupted: %(needed)d), identical: %(identical)s, "
                  "left: %(files_left)s" % row)


if __name__ == "__main__":
    main()
