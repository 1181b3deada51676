#!/usr/bin/env python3
"""A fake Groq API server for asanasim's tests: a real HTTP/1.1 server on loopback that speaks
the chat-completions API as docs/reference/groq-api.md describes (section 8).

  fake_groq.py --key KEY [--rpm N] [--tpm N] [--rpd N] [--window S] [--count used|max]
               [--faults LIST] [--models a,b] [--latency S]

Prints "PORT <n>" on stdout once listening (port 0 = any free port). Behaviour:
- POST /openai/v1/chat/completions. 401 for a missing or wrong bearer key; 404 model_not_found
  for a model not in --models; 400 for n != 1 or more than 4 stop strings; 413 when the prompt
  estimate plus max_completion_tokens exceeds the TPM limit; 400 invalid_request_error
  "unrecognised prompt" when the last message is not an archetype request ("Write N new
  archetypes ...", "Department: X."); 429 (retry-after, "Please try again in Xs", type
  requests/tokens) when the RPM or TPM of the sliding --window (default 60 s) is used up, and 429
  "requests per day (RPD)" past --rpd. A request counts in the token window with what it uses
  (prompt + completion: --count used, the default) or with prompt + max_completion_tokens
  (--count max). gpt-oss models also spend reasoning tokens (billed as completion) by
  reasoning_effort: low 120, medium 480 (the default), high 1400.
- The answer to an archetype request: content {"archetypes": [N objects]}, N as asked, each an
  archetype in the pack schema (id, weight, days, names, descriptions, subtasks, tags, fields,
  comments by moment) built from the request: its department's slots ({name} placeholders), its
  context placeholders, tags and field options, its team focuses and project words, ids not in
  "Ids already taken". Topics (a work object and an action from word lists, with a qualifier
  from the request) and sentence frames are drawn by a seed from crc32 of the user message, so
  the same request gets the same answer (as a cached answer would be) and different requests
  get different work. Every comment line holds the topic's words and at least two placeholders.
  About one item in five (by the seed: item i when (seed + i) % 5 == 0) is bad in one way, the
  kind rotating: an unknown placeholder {nonexistent_slot}; a literal date ("by March 14", or
  {date}) in a progress line; no comments.progress; the names of the request's first example
  (a near duplicate); the id "Bad_ID"; {to} in a progress line.
- x-ratelimit-{limit,remaining,reset}-{requests,tokens} on every response (Go durations).
- --faults: a comma list applied to the first requests in order, one per request: 500, 502,
  503 (no body), 498, 429 (retry-after 1), reset (connection closed mid-response), slow (2 s
  delay), malformed (200 with broken JSON), truncated (200, body cut short), wrong_count (one
  archetype too few, or one extra when one is asked for), bad_items (every archetype bad, item i
  of kind i mod 6 in the order above), json_validate_failed (400), ok (no fault).
- GET /stats: {"requests": N, "statuses": {code: n}, "times": [seconds since start, ...],
  "accepted": [[seconds since start, tokens counted], ...], "violations": {"rpm": n, "tpm": n}}
  (violations: requests refused because the sliding window was full).
"""
import argparse
import json
import random
import re
import zlib
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

START = time.monotonic()
LOCK = threading.Lock()
STATE = {"requests": 0, "statuses": {}, "times": [], "window": [], "day": 0, "seq": 0,
         "accepted": [], "violations": {"rpm": 0, "tpm": 0}}
REASONING_TOKENS = {"low": 120, "medium": 480, "high": 1400}


def go_duration(seconds):
    seconds = max(0.0, seconds)
    if seconds < 1:
        return "%dms" % int(seconds * 1000)
    minutes, rest = divmod(seconds, 60)
    return ("%dm%.2fs" % (minutes, rest)) if minutes else ("%.2fs" % rest)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def send_json(self, status, payload, headers=None, raw=None):
        body = raw if raw is not None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def record(self, status):
        with LOCK:
            STATE["statuses"][str(status)] = STATE["statuses"].get(str(status), 0) + 1

    def rate_headers(self, now, tokens_used):
        cfg = self.server.cfg
        with LOCK:
            in_window = [t for t in STATE["window"] if now - t[0] < cfg.window]
            used_tokens = sum(t[1] for t in in_window)
            oldest = in_window[0][0] if in_window else now
        return {
            "x-ratelimit-limit-requests": str(cfg.rpd),
            "x-ratelimit-limit-tokens": str(cfg.tpm),
            "x-ratelimit-remaining-requests": str(max(0, cfg.rpd - STATE["day"])),
            "x-ratelimit-remaining-tokens": str(max(0, cfg.tpm - used_tokens)),
            "x-ratelimit-reset-requests": go_duration(86400 - (now - START) % 86400),
            "x-ratelimit-reset-tokens": go_duration(cfg.window - (now - oldest)),
            "x-groq-region": "local",
        }

    def do_GET(self):
        if self.path == "/stats":
            with LOCK:
                payload = {"requests": STATE["requests"], "statuses": STATE["statuses"],
                           "times": STATE["times"], "accepted": STATE["accepted"],
                           "violations": STATE["violations"]}
            self.send_json(200, payload)
        else:
            self.send_json(404, {"error": {"message": "no route", "type": "invalid_request_error"}})

    def do_POST(self):
        cfg = self.server.cfg
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        now = time.monotonic()
        with LOCK:
            STATE["requests"] += 1
            STATE["times"].append(round(now - START, 4))
            seq = STATE["seq"]
            STATE["seq"] += 1
        fault = cfg.faults[seq] if seq < len(cfg.faults) else "ok"
        if self.path != "/openai/v1/chat/completions":
            self.record(404)
            return self.send_json(404, {"error": {"message": "Unknown request URL",
                                                  "type": "invalid_request_error"}})
        if self.headers.get("Authorization", "") != "Bearer " + cfg.key:
            self.record(401)
            return self.send_json(401, {"error": {"message": "Invalid API Key",
                                                  "type": "invalid_request_error",
                                                  "code": "invalid_api_key"}})
        try:
            req = json.loads(raw)
        except ValueError:
            self.record(400)
            return self.send_json(400, {"error": {"message": "invalid JSON body",
                                                  "type": "invalid_request_error"}})
        model = req.get("model")
        if model not in cfg.models:
            self.record(404)
            return self.send_json(404, {"error": {
                "message": "The model `%s` does not exist or you do not have access to it." % model,
                "type": "invalid_request_error", "code": "model_not_found"}})
        if req.get("n", 1) != 1 or len(req.get("stop") or []) > 4:
            self.record(400)
            return self.send_json(400, {"error": {"message": "'n' must be 1; at most 4 stop",
                                                  "type": "invalid_request_error"}})
        max_tokens = req.get("max_completion_tokens", req.get("max_tokens", 1024))
        prompt_tokens = length // 4
        if prompt_tokens + max_tokens > cfg.tpm:
            self.record(413)
            return self.send_json(413, {"error": {
                "message": "Request too large for model `%s` on tokens per minute (TPM): Limit %d, "
                           "Requested %d, please reduce your message size and try again."
                           % (model, cfg.tpm, prompt_tokens + max_tokens),
                "type": "tokens", "code": "rate_limit_exceeded"}})
        # What the answer will use: its text, and a reasoning model's thinking.
        content = make_content(req, fault)
        if content is None:
            self.record(400)
            return self.send_json(400, {"error": {"message": "unrecognised prompt",
                                                  "type": "invalid_request_error"}})
        reasoning = 0
        if model.startswith("openai/gpt-oss"):
            reasoning = REASONING_TOKENS.get(req.get("reasoning_effort", "medium"), 480)
        completion_tokens = min(max_tokens, len(content) // 4 + reasoning)
        tokens = prompt_tokens + (completion_tokens if cfg.count == "used" else max_tokens)
        # Rate limits: daily requests, then the sliding window's requests and tokens.
        with LOCK:
            STATE["window"] = [t for t in STATE["window"] if now - t[0] < cfg.window]
            win = STATE["window"]
            over_day = STATE["day"] >= cfg.rpd
            over_rpm = len(win) >= cfg.rpm
            over_tpm = sum(t[1] for t in win) + tokens > cfg.tpm
            if not (over_day or over_rpm or over_tpm) and fault == "ok":
                win.append((now, tokens))
                STATE["day"] += 1
                STATE["accepted"].append([round(now - START, 4), tokens])
            elif not over_day and fault == "ok":
                STATE["violations"]["rpm" if over_rpm else "tpm"] += 1
            wait = (cfg.window - (now - win[0][0])) if win else 1.0
        headers = self.rate_headers(now, tokens)
        if over_day:
            self.record(429)
            return self.send_json(429, {"error": {
                "message": "Rate limit reached for model `%s` on requests per day (RPD): Limit %d, "
                           "Used %d, Requested 1. Please try again in 7m12s." % (model, cfg.rpd, cfg.rpd),
                "type": "requests", "code": "rate_limit_exceeded"}},
                dict(headers, **{"retry-after": "432"}))
        if over_rpm or over_tpm or fault == "429":
            self.record(429)
            if fault == "429":
                wait = 1.0
            kind = "requests per minute (RPM)" if over_rpm else "tokens per minute (TPM)"
            return self.send_json(429, {"error": {
                "message": "Rate limit reached for model `%s` on %s: Limit %d. Please try again in "
                           "%.3fs. Need more tokens?" % (model, kind, cfg.rpm if over_rpm else cfg.tpm, wait),
                "type": "requests" if over_rpm else "tokens", "code": "rate_limit_exceeded"}},
                dict(headers, **{"retry-after": str(max(1, int(wait + 0.999)))}))
        if fault in ("500", "502", "503", "498"):
            self.record(int(fault))
            if fault == "503":
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.send_json(int(fault), {"error": {"message": "internal error",
                                                         "type": "internal_server_error"}}, headers)
        if fault == "json_validate_failed":
            self.record(400)
            return self.send_json(400, {"error": {"message": "Failed to generate JSON",
                                                  "type": "invalid_request_error",
                                                  "code": "json_validate_failed",
                                                  "failed_generation":
                                                      "{\"archetypes\": [{\"id\": \"unfin"}})
        if fault == "reset":
            self.record(0)
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":")
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if fault == "slow":
            time.sleep(2.0)
        if cfg.latency:
            time.sleep(cfg.latency)
        payload = {
            "id": "chatcmpl-%d" % seq, "object": "chat.completion", "created": int(time.time()),
            "model": model, "system_fingerprint": "fp_fake",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "logprobs": None, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens, "queue_time": 0.01,
                      "prompt_time": 0.02, "completion_time": 0.1, "total_time": 0.13},
            "x_groq": {"id": "req_fake_%d" % seq},
        }
        body = json.dumps(payload).encode()
        if fault == "malformed":
            body = b"{\"id\": \"chatcmpl\", \"choices\": [ {not json"
        elif fault == "truncated":
            body = body[: len(body) // 2]
        self.record(200)
        self.send_json(200, None, headers, raw=body)


# ---------------------------------------------------------------------------------------------
# Archetype answers.
#
# A good archetype is built around one topic: a work object ("runbook", "intake form") and an
# action ("overhaul", "consolidate"), with a qualifier taken from the request (a team focus, a
# word of a project name, the department's name) and one or two of the department's slots. The
# object's words appear in every text, so each comment shares a word with its task's name. Every
# field draws a few frames out of several, so the sentence shapes vary too. Everything is drawn
# from a random.Random seeded with crc32 of the user message: the same request, the same answer.

OBJECTS = [
    "runbook", "handover checklist", "escalation path", "intake form", "approval workflow",
    "status report", "capacity plan", "service catalogue", "style guide", "feedback survey",
    "onboarding guide", "evidence pack", "renewal playbook", "support macro", "export job",
    "permission model", "alert policy", "naming convention", "cutover plan", "launch brief",
    "risk register", "purchase request", "help article", "meeting cadence", "kickoff deck",
    "backup schedule", "test plan", "vendor shortlist", "template library", "reporting pipeline",
    "invoice batch", "interview guide", "workshop agenda", "roadmap draft", "training deck",
    "pricing sheet", "access matrix", "retention policy", "on-call rotation", "request queue",
    "quality checklist", "glossary", "sandbox environment", "scorecard", "ownership map",
    "sign-off process", "planning calendar", "handbook page", "demo script", "contact list",
]

# (imperative, noun, gerund, past participle)
ACTIONS = [
    ("review", "review", "reviewing", "reviewed"),
    ("refresh", "refresh", "refreshing", "refreshed"),
    ("rebuild", "rebuild", "rebuilding", "rebuilt"),
    ("audit", "audit", "auditing", "audited"),
    ("consolidate", "consolidation", "consolidating", "consolidated"),
    ("simplify", "simplification", "simplifying", "simplified"),
    ("migrate", "migration", "migrating", "migrated"),
    ("standardize", "standardization", "standardizing", "standardized"),
    ("pilot", "pilot", "piloting", "piloted"),
    ("retire", "retirement", "retiring", "retired"),
    ("overhaul", "overhaul", "overhauling", "overhauled"),
    ("localize", "localization", "localizing", "localized"),
    ("automate", "automation", "automating", "automated"),
    ("redesign", "redesign", "redesigning", "redesigned"),
    ("validate", "validation", "validating", "validated"),
    ("restructure", "restructure", "restructuring", "restructured"),
    ("streamline", "streamlining", "streamlining", "streamlined"),
]

# Frames. Keys: {O} object, {Oc} object capitalised, {V}/{v} imperative, {N} noun, {G} gerund
# (capitalised: {Gc}), {P} past participle, {Q} qualifier from the request, {S}/{T} department
# slots (or {focus} when the request has none). Other braces are the generator's placeholders.
# Every name holds the qualifier, so departments name the same work differently.
NAME_FRAMES = [
    "{Vc} the {Q} {O} for {S}",
    "{Q} {O} {N} ({S})",
    "{Nc} of the {Q} {O}: {S}",
    "[{focus}] {Q} {O} {N} for {S}",
    "{Q}: {O} {N} for {S} before {quarter} planning",
    "{Vc} the {O} with {S} and {Q}",
    "{S}: {v} the {Q} {O}",
    "{Vc} the {Q} {O} across {S}",
    "{Oc} for {S}: {N} by the {Q} team",
    "{Gc} the {Q} {O} used by {S}",
]

DESCRIPTION_FRAMES = [
    "The {O} for {S} has not been {P} since {version}, and the {Q} team works around it every "
    "week. {Vc} it so that {person} and the rest of {focus} can rely on it again.\n\n- The {O} "
    "covers {S}\n- {person} signs off on the new version",
    "{Q} asked for this {O} {N} before {quarter} planning. Scope: {S} and whatever depends on "
    "it. Out of scope: the wider {Q} roadmap.",
    "Today the {O} for {S} is kept in {n|place|places} and nobody is sure which one is current. "
    "The goal is one {P} {O} that {focus} owns.\n\nDone when:\n- Every section of the {O} has "
    "an owner\n- The old copies are retired",
    "Raised by {person} in ticket {id4}: the {O} no longer matches how {S} is handled. {Vc} it and "
    "walk the {Q} team through the result.",
    "We keep tripping over the {O} for {S}. This task is to {v} it end to end, with {person} as "
    "the reviewer, and close it before {month}.",
    "Part of the {quarter} {Q} plan: {v} the {O} for {S} and {T}.\n\n- The new {O} is shared "
    "with {focus}\n- Open questions go to {person}",
    "The {Q} team spends time every week on the {O} for {S}. {Gc} it should give {focus} that "
    "time back; {person} will review the first draft.",
    "After {version}, parts of the {O} for {S} are wrong. {Vc} the {O}, starting with {T}, and "
    "ask {person} to confirm each section.\n\n- No section of the {O} still says the old thing",
]

SUBTASK_OPEN = [
    "Collect the current {O} and its owners",
    "List what the {O} covers today",
    "Agree the scope of the {O} {N} with {person}",
    "Pull open questions about the {O} from {S}",
]
SUBTASK_MIDDLE = [
    "Draft the new {O} sections",
    "Make the {P} {O} cover {S}",
    "Go through the draft {O} with {focus}",
    "Walk {person} through the {O} changes",
    "Fix the gaps found in the {O}",
    "Try the {O} on a real case from {T}",
]
SUBTASK_CLOSE = [
    "Share the final {O} with the team",
    "Remove the old {O} copies",
    "Announce the new {O} to {focus}",
    "Plan a check of the {O} next quarter",
]

COMMENT_FRAMES = {
    "kickoff": [
        "Picking up the {O} {N} for {S}; I'll start with what {person} flagged and aim for a "
        "first draft by {weekday}.",
        "Starting on the {O} for {S}: {n|section|sections} to {v} first, then a pass with "
        "{person}.",
        "I'll take the {O} {N}. First stop is {S}, since {person} raised it in the last {focus} "
        "sync.",
        "Kicking off the {O} work for {S} today; ticket {id4} has the scope and {person} is my "
        "reviewer.",
        "Taking this one. The {O} for {S} has not changed since {version}, so I'll {v} it "
        "section by section.",
        "Grabbing the {O} {N} for {S} after standup; {person} agreed to pair on it on {weekday}.",
        "On it: I'll gather the open questions about the {O} from {S} and go through them with "
        "{person}.",
        "Scoping the {O} {N} now: {S} and {T} come first, the rest once {person} is back on "
        "{weekday}.",
    ],
    "progress": [
        "First draft of the {Q} {O} is ready for {S}; {n|open question|open questions} left for "
        "{person}.",
        "{Gc} the {O} for {S} is about half done; the rest waits on a call with {person} on "
        "{weekday}.",
        "Walked {person} through the new {O} for {S}; they want {n|small change|small changes} "
        "before sign-off.",
        "The {O} for {S} is {P} in the draft; ticket {id4} lists what is still open.",
        "Compared the old and new {O} for {S}: {n|gap|gaps} found, fixing them before {weekday}.",
        "Shared the {O} draft with {person}, and {S} is the last piece to {v}.",
        "The {O} for {T} is done; {S} still needs {n|more pass|more passes} with {person}.",
        "Tried the {P} {O} on a real case from {S} with {person}; it worked.",
        "Most of the {O} is {P} now. {S} still has {n|section|sections} waiting on {focus}.",
    ],
    "question": [
        "{to}, should the {O} keep the old sections for {S}, or can I {v} them all by "
        "{weekday}?",
        "{to}, who owns the {O} for {S} now? I need a sign-off before {weekday}.",
        "{to}, is {S} still in scope for the {O} {N}, or does it move to {quarter}?",
        "{to}, do we {v} the whole {O} for {S} at once, or split it into {n|step|steps}?",
        "{to}, can you check the {O} for {S} before I share it with {focus}?",
        "{to}, does the {O} need to cover {T} as well, or only {S}?",
    ],
    "answer": [
        "{asker}, keep {S}: without it the {O} is no use to {person}.",
        "Split it, {asker}: start with {S} and leave the rest of the {O} for {quarter}.",
        "{asker}, {person} owns the {O} for {S} now, so loop them in before {weekday}.",
        "Yes, {asker}. The old {O} sections for {S} can go; nobody has used them since "
        "{version}.",
        "Go ahead, {asker}, but keep ticket {id4} open until the {O} for {S} is {P}.",
        "Only {S} for now, {asker}; {T} is getting its own {O} {N} next quarter.",
    ],
    "blocker": [
        "Blocked on the {O}: nobody for {S} has answered, and {person} is out until "
        "{weekday}.",
        "The {O} {N} for {S} is waiting on an approval from {person}; pinged them again today.",
        "Can't finish the {O} for {S} until ticket {id4} is closed by {focus}.",
        "Stuck on the {O} for {S}: {person} has to confirm the scope first.",
    ],
    "handoff": [
        "{person}, handing the {O} {N} over to you; what is left is for {S}.",
        "Taking the {O} over from {person}. I'll finish {S}, then post an update by "
        "{weekday}.",
        "{person}, you have spent the most time with {S}: can you take the {O} from here? The "
        "draft has my comments.",
        "Passing the {O} for {S} to {person} while I'm out; ticket {id4} has where I stopped.",
    ],
    "review": [
        "The {O} for {S} is ready for review; {person}, could you look at it by {weekday}?",
        "Reviewed the {O} for {S}: {n|small fix|small fixes} needed, nothing blocking. Over to "
        "{person}.",
        "{person}, the {O} {N} for {S} is ready for review in ticket {id4}.",
        "Went through the {O} with {person}: the part for {S} is fine, {T} is not there yet.",
    ],
    "wrapup": [
        "The {O} for {S} is {P} and live; {person} has the final version and owns it from "
        "{quarter}.",
        "Closing this: the {O} {N} covers {S} now, and {person} owns the {n|follow-up|follow-ups}.",
        "Done. The {P} {O} is live for {S}, and {person} will check it again in {month}.",
        "Wrapped up the {O} {N} for {S}; ticket {id4} links the final version for {focus}.",
    ],
    "reopen": [
        "Reopening: the {O} for {S} is out of date again after {version}; {person} found the gap.",
        "{person} hit a problem with the {O} for {S}, so reopening to {v} the missing part.",
        "Reopening the {O} {N}: {S} is different since {version} and {n|section|sections} no "
        "longer fit.",
        "The {O} left out {T}, which matters for {S}; {person} asked to reopen it before {month}.",
    ],
}
OPTIONAL_MOMENTS = ["blocker", "handoff", "review", "wrapup", "reopen"]
# How many lines each moment takes (a range).
MOMENT_LINES = {"kickoff": (3, 3), "progress": (3, 4), "question": (2, 2), "answer": (2, 3)}

CONTEXT_DEFAULT = ["person", "to", "asker", "weekday", "month", "quarter", "n", "id4", "pr",
                   "version", "focus"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
STOPWORDS = {"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with",
             "from", "v", "vs", "new", "our", "its", "q"}
# First names of common.toml that are also words, and words no text may hold.
AVOID_WORDS = {"long", "mark", "grace", "iris", "jordan", "harper", "morgan", "logan", "casey",
               "riley", "jack", "sam", "ben", "may", "jun", "jan", "mai", "bo", "gal",
               "sem", "rin", "ariel", "felix", "hugo", "taylor", "dana", "noor", "tal", "yan"}
# Slots whose values are clauses or numbers, not things: the frames do not read with them.
CLAUSE_SLOT = re.compile(r"(^|_)(verb|problem|outcome|criterion|trigger|percent|amount|uplift|"
                         r"count|overdue|participation|salary|cost|topic|persona|step|level)"
                         r"(_|$)")

BAD_KINDS = ["unknown_placeholder", "literal_date", "missing_progress", "near_duplicate",
             "bad_id", "to_outside_question"]


class Request:
    """What make_content needs of an archetype request (see the module docstring)."""

    def __init__(self, user):
        self.user = user
        m = re.search(r"Write (\d+) new archetypes", user)
        self.count = max(0, min(int(m.group(1)), 50))
        self.department = re.search(r"Department: ([^.\n]+)\.", user).group(1).strip()
        m = re.search(r"Its teams focus on: ([^\n]*?)\.(?:\s|$)", user)
        self.focuses = [f.strip() for f in m.group(1).split(",") if f.strip()] if m else []
        m = re.search(r"Its projects are like: ([^\n]*)", user)
        self.projects = re.findall(r'"([^"\n]+)"', m.group(1)) if m else []
        self.slots = {}
        for name, values in re.findall(r"^- \{([a-z_0-9]+)\}: ?(.*)$", user, re.M):
            self.slots[name] = [v.strip() for v in values.split(", ") if v.strip()]
        m = re.search(r"Context placeholders: ([^\n]*)", user)
        names = re.findall(r"\{([a-z_0-9]+)", m.group(1)) if m else []
        self.context = set(names) or set(CONTEXT_DEFAULT)
        m = re.search(r"Tags it may hint: ([^\n]*)", user)
        self.tags = [t.strip() for t in m.group(1).split(",") if t.strip()] if m else []
        self.fields = {}
        m = re.search(r"Fields it may hint[^:\n]*: ([^\n]*)", user)
        for part in (m.group(1).split("; ") if m else []):
            if " = " in part:
                key, options = part.split(" = ", 1)
                opts = [o.strip() for o in options.split(" | ") if o.strip()]
                if opts:
                    self.fields[key.strip()] = opts
        m = re.search(r"Ids already taken: ([^\n]*)", user)
        self.taken = {t.strip() for t in m.group(1).split(",") if t.strip()} if m else set()
        self.examples = []
        for line in user.split("\n"):
            line = line.strip()
            if not line.startswith('{"id"'):
                continue
            try:
                self.examples.append(json.loads(line))
            except ValueError:
                ex = {}
                m = re.search(r'"id": "([^"]*)"', line)
                if m:
                    ex["id"] = m.group(1)
                m = re.search(r'"names": (\[[^\]]*\])', line)
                if m:
                    try:
                        ex["names"] = json.loads(m.group(1))
                    except ValueError:
                        pass
                self.examples.append(ex)
        self.taken |= {e["id"] for e in self.examples if isinstance(e.get("id"), str)}

    def qualifiers(self):
        """Words of the request that can stand before a work object: "the Payments runbook"."""
        out = []
        for q in [self.department] + self.focuses:
            if plain_words(q) and q not in out:
                out.append(q)
        for p in self.projects:
            words = [w for w in re.findall(r"[A-Za-z][A-Za-z'&-]*", p)]
            words = [w for w in words if w.lower() not in STOPWORDS and len(w) > 2]
            # Only the words of the name itself: not those next to a digit or a placeholder.
            words = [w for w in words
                     if re.search(r"(^|[\s:(\[])%s($|[\s:,)\]])" % re.escape(w), p)]
            q = " ".join(words[:2])
            if q and plain_words(q) and q not in out:
                out.append(q)
        return out or [self.department]

    def thing_slots(self):
        """Department slots whose values read as things ("{backend_service}", "{account}")."""
        good = []
        for name, values in self.slots.items():
            if CLAUSE_SLOT.search(name):
                continue
            if any(re.search(r"[0-9%$]", v) or len(v.split()) > 4 for v in values):
                continue
            good.append(name)
        return good or list(self.slots)


def plain_words(text):
    """Whether text is fit to copy into a template: letters only, no names of days, months or
    people, no braces."""
    if re.search(r"[0-9{}#*`\[\]]", text):
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    return bool(words) and not any(w in WEEKDAYS or w in MONTHS or w in AVOID_WORDS
                                   for w in words)


def slug(text):
    return re.sub(r"[^a-z]+", "-", text.lower()).strip("-")


def fill(frame, w):
    out = frame
    for key, value in w.items():
        out = out.replace("{%s}" % key, value)
    return out


def frame_ok(frame, req, uses_t):
    """Whether a frame only uses what the request offers."""
    if not uses_t and "{T}" in frame:
        return False
    for name in re.findall(r"\{([a-z_0-9]+)(?:\|[^}]*)?\}", frame):
        if name not in req.context:
            return False
    return True


def pick_frames(rng, frames, k, req, uses_t):
    usable = [f for f in frames if frame_ok(f, req, uses_t)] or frames
    return rng.sample(usable, min(k, len(usable)))


def placeholders(text):
    return re.findall(r"\{([^{}]*)\}", text)


def doubled_word(text, slot_values):
    """A word doubled in text ("the the") or where a slot meets its text ("the {x}" with the value
    "the UK"); "" when none. Mirrors StoryRuleBroken and DoubledAtSlot (src/text/vocabulary.cc)."""
    previous = ""
    for token in re.findall(r"\{[^}]*\}|[A-Za-z]+|[^A-Za-z ]", text):
        if token.startswith("{") or not token[0].isalpha():
            previous = ""
            continue
        if token.lower() == previous:
            return token
        previous = token.lower()
    for m in re.finditer(r"\{([a-z_0-9]+)\}", text):
        before = re.search(r"([A-Za-z]+) $", text[:m.start()])
        after = re.match(r" ([A-Za-z]+)", text[m.end():])
        for v in slot_values.get(m.group(1), []):
            first = re.match(r"[A-Za-z]+", v)
            last = re.search(r"[A-Za-z]+$", v)
            if before and first and first.group(0).lower() == before.group(1).lower():
                return before.group(1)
            if after and last and last.group(0).lower() == after.group(1).lower():
                return after.group(1)
    return ""


def story_problem(arch, req):
    """Why a good archetype breaks a rule the C++ side checks ("" when none): a safety net, so a
    combination of frames and request words that reads wrong is drawn again."""
    allowed = set(req.slots) | req.context
    topic = set(w for w in re.findall(r"[a-z]+", arch["_object"]) if len(w) > 2)
    texts = [(t, None) for t in arch["names"] + arch["descriptions"] + arch["subtasks"]]
    for moment, lines in arch["comments"].items():
        texts += [(t, moment) for t in lines]
    for text, moment in texts:
        for p in placeholders(text):
            name = p.split("|")[0]
            if name not in allowed:
                return "unknown placeholder {%s}" % p
            if name == "n" and p.count("|") != 2:
                return "bare {n}"
        if re.search(r"[0-9]|\*\*|#|```", re.sub(r"\{[^{}]*\}", " ", text)):
            return "digit or markdown: " + text
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", re.sub(r"\{[^}]*\}", " ", text))]
        if any(w in WEEKDAYS or w in MONTHS or w in AVOID_WORDS for w in words):
            return "day, month or name: " + text
        if "{to}" in text and moment != "question":
            return "{to} outside a question"
        if "{asker}" in text and moment != "answer":
            return "{asker} outside an answer"
        if moment == "question" and "{to}" not in text:
            return "a question to nobody"
        if moment == "answer" and "{asker}" not in text:
            return "an answer to nobody"
        if moment is not None:
            if len(placeholders(text)) < 2:
                return "fewer than two placeholders: " + text
            if not topic & set(words):
                return "off topic: " + text
        d = doubled_word(text, req.slots)
        if d:
            return "doubled word %r: %s" % (d, text)
    return ""


def masked_name(name, req):
    """A name with its placeholders and slot values masked: the C++ side's near-duplicate key."""
    out = re.sub(r"\{[^}]*\}", "#", name)
    for values in req.slots.values():
        for v in sorted(values, key=len, reverse=True):
            out = out.replace(v, "#")
    return re.sub(r"\s+", " ", out).strip().lower()


def good_archetype(rng, req, obj, action, taken_ids):
    """One schema-valid archetype about `action` on `obj`, or None if no id is free."""
    verb, noun, gerund, past = action
    quals = req.qualifiers()
    qual = rng.choice(quals)
    things = req.thing_slots()
    if things:
        s_name = rng.choice(things)
        others = [t for t in things if t != s_name]
        t_name = rng.choice(others) if others else None
        w_s = "{%s}" % s_name
        w_t = "{%s}" % t_name if t_name else None
    else:  # no department slot: the team's focus stands in
        w_s, w_t = "{focus}", None
    w = {"O": obj, "Oc": obj[0].upper() + obj[1:], "V": verb, "v": verb,
         "Vc": verb[0].upper() + verb[1:], "N": noun, "Nc": noun[0].upper() + noun[1:],
         "G": gerund, "Gc": gerund[0].upper() + gerund[1:], "P": past, "Q": qual, "S": w_s}
    if w_t:
        w["T"] = w_t
    uses_t = w_t is not None
    # The id: the topic, then the qualifier before it when the topic is taken.
    base = slug("%s %s" % (obj, noun))
    arch_id = None
    for candidate in [base, slug(qual) + "-" + base, base + "-" + slug(req.department)]:
        if candidate and candidate not in taken_ids:
            arch_id = candidate
            break
    if arch_id is None:
        return None
    names = [fill(f, w) for f in pick_frames(rng, NAME_FRAMES, rng.choice([2, 3]), req, uses_t)]
    descriptions = [fill(f, w) for f in pick_frames(rng, DESCRIPTION_FRAMES, 2, req, uses_t)]
    opens = pick_frames(rng, SUBTASK_OPEN, rng.choice([1, 2]), req, uses_t)
    middles = pick_frames(rng, SUBTASK_MIDDLE, rng.choice([2, 3]), req, uses_t)
    closes = pick_frames(rng, SUBTASK_CLOSE, rng.choice([1, 2]), req, uses_t)
    subtasks = [fill(f, w) for f in
                sorted(opens, key=SUBTASK_OPEN.index) + sorted(middles, key=SUBTASK_MIDDLE.index) +
                sorted(closes, key=SUBTASK_CLOSE.index)]
    comments = {}
    for moment, (lo, hi) in MOMENT_LINES.items():
        comments[moment] = [fill(f, w) for f in
                            pick_frames(rng, COMMENT_FRAMES[moment], rng.randint(lo, hi), req,
                                        uses_t)]
    for moment in sorted(rng.sample(OPTIONAL_MOMENTS, rng.randint(2, 4)),
                         key=OPTIONAL_MOMENTS.index):
        comments[moment] = [fill(f, w) for f in
                            pick_frames(rng, COMMENT_FRAMES[moment], 2, req, uses_t)]
    arch = {"id": arch_id, "weight": 1.0, "days": rng.randint(2, 20), "names": names,
            "descriptions": descriptions, "subtasks": subtasks,
            "tags": sorted(rng.sample(req.tags, min(len(req.tags), rng.randint(0, 2))),
                           key=req.tags.index)}
    fields = {}
    for key in rng.sample(sorted(req.fields), min(len(req.fields), rng.randint(0, 2))):
        options = req.fields[key]
        if len(options) > 1 and rng.random() < 0.4:
            fields[key] = sorted(rng.sample(options, 2), key=options.index)
        else:
            fields[key] = rng.choice(options)
    if fields:
        arch["fields"] = fields
    arch["comments"] = comments
    arch["_object"] = obj
    return arch


def spoil(arch, kind, req, answer, seed):
    """Makes a good archetype bad in one way (BAD_KINDS)."""
    arch = json.loads(json.dumps(arch))
    slot = "{%s}" % req.thing_slots()[0] if req.slots else "{focus}"
    obj = arch["_object"]
    progress = arch["comments"].get("progress", [])
    if kind == "unknown_placeholder":
        progress[0] = "Checked the %s for %s with {nonexistent_slot} and {person}." % (obj, slot)
    elif kind == "literal_date":
        if seed % 2 == 0:
            progress[0] = "The %s for %s should be ready by March 14, says {person}." % (obj, slot)
        else:
            progress[0] = "The %s for %s should be ready by {date}, says {person}." % (obj, slot)
    elif kind == "missing_progress":
        del arch["comments"]["progress"]
    elif kind == "near_duplicate":
        names = next((e["names"] for e in req.examples
                      if isinstance(e.get("names"), list) and e["names"]), None)
        if names is None:  # no example to copy: copy another item of the answer
            names = next((a["names"] for a in answer if a["id"] != arch["id"]), arch["names"])
        arch["names"] = list(names)
    elif kind == "bad_id":
        arch["id"] = "Bad_ID"
    elif kind == "to_outside_question":
        progress[0] = "{to}, the %s for %s is ready for a look by {weekday}." % (obj, slot)
    return arch


def make_archetypes(req, fault):
    seed = zlib.crc32(req.user.encode())
    rng = random.Random(seed)
    count = req.count + 1 if fault == "wrong_count" and req.count <= 1 else req.count
    taken = set(req.taken)
    example_names = {masked_name(n, req) for e in req.examples
                     for n in (e.get("names") or []) if isinstance(n, str)}
    taken_words = {w for t in taken for w in t.split("-")}
    objects = OBJECTS[:]
    rng.shuffle(objects)
    # Objects an id already taken names ("access-review") go last: a new archetype is new work.
    objects.sort(key=lambda o: all(w in taken_words for w in slug(o).split("-")))
    answer = []
    used_names = set(example_names)
    for obj in objects:
        if len(answer) == count:
            break
        actions = [a for a in ACTIONS if a[0][:5] not in obj and a[1][:5] not in obj]
        for attempt in range(4):
            arch = good_archetype(rng, req, obj, rng.choice(actions), taken)
            if arch is None:
                break
            masked = {masked_name(n, req) for n in arch["names"]}
            if story_problem(arch, req) or masked & used_names:
                continue
            taken.add(arch["id"])
            used_names |= masked
            answer.append(arch)
            break
    # About one item in five is bad (by the seed), of a kind that rotates; bad_items spoils all.
    out = []
    for i, arch in enumerate(answer):
        if fault == "bad_items":
            kind = BAD_KINDS[i % len(BAD_KINDS)]
        elif (seed + i) % 5 == 0:
            kind = BAD_KINDS[(seed // 5 + i) % len(BAD_KINDS)]
        else:
            kind = None
        if kind == "near_duplicate" and len(answer) < 2 and not any(
                isinstance(e.get("names"), list) and e["names"] for e in req.examples):
            kind = "bad_id"  # nothing to copy
        out.append(spoil(arch, kind, req, answer, seed // 30 + i) if kind else arch)
    if fault == "wrong_count" and req.count > 1:
        out = out[:-1]
    for arch in out:
        del arch["_object"]
    return out


def make_content(req, fault):
    """The answer's text for an archetype request, or None for a prompt of another kind."""
    messages = req.get("messages") or []
    user = messages[-1].get("content") if messages and isinstance(messages[-1], dict) else None
    if not isinstance(user, str) or not re.search(r"Write \d+ new archetypes", user) or \
            not re.search(r"Department: ([^.\n]+)\.", user):
        return None
    return json.dumps({"archetypes": make_archetypes(Request(user), fault)})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--key", required=True)
    ap.add_argument("--rpm", type=int, default=30)
    ap.add_argument("--tpm", type=int, default=8000)
    ap.add_argument("--rpd", type=int, default=1000)
    ap.add_argument("--window", type=float, default=60.0)
    ap.add_argument("--count", choices=["used", "max"], default="used")
    ap.add_argument("--faults", default="")
    ap.add_argument("--models", default="openai/gpt-oss-20b,openai/gpt-oss-120b,qwen/qwen3.8-27b")
    ap.add_argument("--latency", type=float, default=0.0)
    cfg = ap.parse_args()
    cfg.faults = [f for f in cfg.faults.split(",") if f]
    cfg.models = cfg.models.split(",")
    server = ThreadingHTTPServer(("127.0.0.1", cfg.port), Handler)
    server.daemon_threads = True
    server.cfg = cfg
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
