#!/usr/bin/env python3
"""A fake Groq API server for asanasim's tests: a real HTTP/1.1 server on loopback that speaks
the chat-completions API as docs/reference/groq-api.md describes (section 8).

  fake_groq.py --key KEY [--rpm N] [--tpm N] [--rpd N] [--window S] [--count used|max]
               [--faults LIST] [--models a,b] [--latency S] [--good-only]

Prints "PORT <n>" on stdout once listening (port 0 = any free port). Behaviour:
- POST /openai/v1/chat/completions. 401 for a missing or wrong bearer key; 404 model_not_found
  for a model not in --models; 400 for n != 1 or more than 4 stop strings; 413 when the prompt
  estimate plus max_completion_tokens exceeds the TPM limit; 400 invalid_request_error
  "unrecognised prompt" when the last message is neither an archetype request ("Write N new
  archetypes ...", "Department: X.") nor a department request ("Department: X. Write the ...",
  'Answer with JSON only: {"department"'); 429 (retry-after, "Please try again in Xs", type
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
- The answer to a department request (`asanasim pack author`): content {"department": {...},
  "company_words": [3 words]} (company_words only when the request's 'Also give
  "company_words"' line asks), the department in the format the request shows: name (the
  request's), headcount_weight 0.05-0.3, 4-6 team_focuses, 4-6 titles, 2-3 lead_titles, 5-8
  projects, 3-5 slots of its own (6-10 values each; names not among the request's "Shared
  slots" nor context placeholders), templates (tasks 8-12, subtasks 8-12, descriptions 4-6,
  comments 6-10) using only its slots, the shared slots and the context placeholders listed.
  Built from the "Industry:" line's words (a table of domains: what such a business works on,
  whom it serves, what its companies are called) and a spec per department, drawn by a seed
  from crc32 of the user message; company_words by crc32 of the industry, so every department
  of an industry gives the same. About one answer in four (seed % 4 == 0) is bad, of kind
  (seed // 4) % 3: a task template with {nonexistent_slot}; a slot of its own named after a shared
  slot ({metric} first; `pack check` allows that, since shipped packs give departments their
  own co_kind, so the C++ side must check names itself); templates without "comments".
- x-ratelimit-{limit,remaining,reset}-{requests,tokens} on every response (Go durations).
- --faults: a comma list applied to the first requests in order, one per request: 500, 502,
  503 (no body), 498, 429 (retry-after 1), reset (connection closed mid-response), slow (2 s
  delay), malformed (200 with broken JSON), truncated (200, body cut short), wrong_count (one
  archetype too few, or one extra when one is asked for; two company_words instead of three),
  bad_items (every archetype bad, item i of kind i mod 6 in the order above; a department
  answer bad, of its seed's kind), json_validate_failed (400), hang (the request is read and
  never answered), ok (no fault).
- --hang: every request past the --faults list hangs (a server that accepts and never answers).
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
        fault = cfg.faults[seq] if seq < len(cfg.faults) else ("hang" if cfg.hang else "ok")
        if fault == "hang":
            # Accepted and read, never answered (the client must give up on its own).
            self.record(0)
            time.sleep(3600)
            self.close_connection = True
            return
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
                                                      "{\"department\": {\"name\": \"unfin"
                                                      if content.startswith('{"department"') else
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
        elif not GOOD_ONLY and (seed + i) % 5 == 0:
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


# ---------------------------------------------------------------------------------------------
# Department answers (`asanasim pack author`).
#
# A department is written for an industry the packs do not ship: its words ("municipal water
# utility": municipal, water, utility) pick entries of DOMAINS (the things such a business
# works on, whom it serves, what its companies are called); a word without an entry stands in
# itself ("<word> site"). The department's own spec (DEPARTMENT_SPECS, GENERIC_SPEC for a name
# it does not know) gives its team focuses, titles, the verbs of its work and five slot roles:
#   T  the thing it works on ("asset", "campaign"), always one of its slots
#   S  a system, channel or place that thing lives in          I  an issue (no article)
#   A  a deliverable ("test plan")                              P  a party ("field crew")
# T, S, A and P values read after "the"; I values read bare. The answer keeps T and two to four
# of the others; frames (DEPT_FRAMES, then the spec's own) write roles as <T>.., the spec's
# verb as <V>/<v>, its project word as <PN>, the industry's word as <Ind>, and are kept when
# every role, shared slot and context placeholder they use is offered. Everything is drawn from
# a random.Random seeded with crc32 of the user message.

DEPT_ADJECTIVES = {
    "municipal", "indie", "independent", "regional", "local", "small", "digital", "online",
    "national", "global", "public", "private", "boutique", "craft", "specialty", "specialist",
    "family", "community", "urban", "rural", "luxury", "organic", "commercial", "residential",
    "b2b", "b2c", "enterprise", "premium", "artisan", "mid-size", "midsize", "modern", "new",
    "international", "city", "county", "state", "mobile", "managed", "full-service", "consumer",
    "live", "real", "independent",
}
# Words of the industry that name the kind of business, not its domain ("agency", "group").
DEPT_STOPWORDS = {"and", "of", "for", "the", "a", "an", "&", "to", "in", "company", "companies",
                  "business", "firm", "provider", "services", "group", "chain", "network",
                  "agency", "cooperative", "co-op", "installer", "operator", "maker"}

# things: countable nouns that read after "the"; cust: whom it serves (plural); words: words
# its companies end their names with; focuses: teams of its engineering and operations;
# features: what its product people build.
DOMAINS = {
    "water": {
        "things": ["treatment plant", "water main", "pumping station", "reservoir",
                   "customer meter", "service line", "hydrant network", "storage tank",
                   "intake screen", "lift station"],
        "cust": "households", "words": ["Water", "Hydro", "Aqua"],
        "roles": ["Controls Engineer", "Hydraulic Modeller", "SCADA Engineer"],
        "systems": ["SCADA historian", "work order system", "control room dashboard",
                    "field tablet app", "network map layer", "hydraulic model"],
        "faults": ["sensor drift", "alarm floods", "stale readings", "pressure transients"],
        "parties": ["controls integrator", "field crew", "telemetry vendor",
                    "water quality lab"],
        "offers": ["bulk water supply agreement", "trade effluent agreement",
                   "developer connection package", "fire hydrant testing contract",
                   "water reuse contract", "leak detection service"],
        "focuses": ["Treatment Plants", "Distribution Network", "Metering", "Network Telemetry",
                    "Water Quality"],
        "features": ["leak alert", "usage dashboard", "outage map", "paperless bill",
                     "payment plan sign-up", "move-in request form", "water quality report page"]},
    "utility": {
        "things": ["meter fleet", "service connection", "billing system", "field depot",
                   "outage map"],
        "roles": ["Asset Engineer", "Metering Engineer"],
        "systems": ["meter data platform", "billing engine", "outage management system"],
        "faults": ["missed meter reads", "billing mismatches"],
        "parties": ["meter vendor", "field crew"],
        "offers": ["bulk supply agreement", "commercial service contract",
                   "new connection package", "metering service plan"],
        "cust": "ratepayers", "words": ["Utilities", "Utility", "Services"],
        "focuses": ["Asset Management", "Field Operations", "Billing Systems"],
        "features": ["online bill pay", "outage alert", "autopay enrolment"]},
    "game": {
        "things": ["level", "boss encounter", "save system", "multiplayer lobby",
                   "character rig", "tutorial", "quest line", "loot table", "shader pack",
                   "build pipeline"],
        "cust": "players", "words": ["Games", "Interactive", "Play"], "digital": True,
        "roles": ["Gameplay Programmer", "Engine Programmer", "Technical Artist",
                  "Tools Programmer"],
        "systems": ["build farm", "crash reporter", "matchmaking service", "asset pipeline",
                    "save sync service", "patch server"],
        "faults": ["frame drops", "multiplayer desyncs", "crashes on load", "long load times",
                   "physics glitches"],
        "parties": ["publisher QA team", "platform holder", "outsourced art team",
                    "audio contractor", "porting partner"],
        "offers": ["publishing deal", "porting contract", "licensing deal",
                   "co-development contract", "platform bundle", "soundtrack licence"],
        "focuses": ["Gameplay", "Engine", "Live Ops", "Multiplayer", "Game Tools"],
        "features": ["photo mode", "co-op mode", "cloud save", "difficulty setting",
                     "controller remapping", "daily challenge", "achievement list"]},
    "studio": {
        "things": ["vertical slice", "milestone build", "art pipeline", "asset library",
                   "sound bank", "trailer cut"],
        "cust": "clients", "words": ["Studio", "Studios", "Works"], "digital": True,
        "roles": ["Pipeline Engineer", "Build Engineer"],
        "offers": ["work-for-hire contract", "co-production deal", "outsourcing package"],
        "focuses": ["Art Pipeline", "Production", "Studio Tools"],
        "features": ["creator mode", "mod support"]},
    "energy": {
        "things": ["substation", "feeder line", "solar array", "battery site", "transformer",
                   "smart meter", "wind turbine", "grid connection"],
        "cust": "customers", "words": ["Energy", "Power", "Grid"],
        "roles": ["Grid Systems Engineer", "Protection Engineer"],
        "systems": ["SCADA historian", "outage management system", "meter data platform"],
        "faults": ["missed meter reads", "telemetry gaps"],
        "parties": ["grid operator", "installer network"],
        "offers": ["power purchase agreement", "demand response contract",
                   "community solar plan", "fixed-rate supply contract"],
        "focuses": ["Grid Operations", "Generation", "Metering", "Storage"],
        "features": ["usage insight", "time-of-use plan", "outage alert",
                     "solar export statement"]},
    "bank": {
        "things": ["loan book", "branch network", "savings product", "card programme",
                   "payment rail", "teller system", "mortgage pipeline"],
        "cust": "account holders", "words": ["Bank", "Financial", "Capital"],
        "focuses": ["Payments", "Lending", "Core Banking", "Fraud"],
        "features": ["instant transfer", "card freeze", "savings goal", "loan calculator"]},
    "health": {
        "things": ["outpatient clinic", "ward", "theatre schedule", "patient record",
                   "bed board", "discharge pathway", "referral queue", "pharmacy stock list"],
        "cust": "patients", "words": ["Health", "Care", "Medical"],
        "focuses": ["Clinical Systems", "Patient Flow", "Diagnostics", "Care Records"],
        "features": ["appointment booking", "test result view", "repeat prescription request",
                     "visitor check-in"]},
    "school": {
        "things": ["timetable", "course catalogue", "enrolment system", "campus", "science lab",
                   "student record", "exam calendar", "library catalogue"],
        "cust": "students", "words": ["Academy", "Learning", "Education"],
        "focuses": ["Student Systems", "Learning Platforms", "Campus Services", "Admissions"],
        "features": ["course search", "assignment upload", "grade view", "parent messaging"]},
    "hotel": {
        "things": ["room block", "front desk", "banquet hall", "booking engine",
                   "housekeeping rota", "loyalty programme", "spa schedule"],
        "cust": "guests", "words": ["Hotels", "Hospitality", "Resorts"],
        "focuses": ["Guest Experience", "Reservations", "Housekeeping", "Revenue"],
        "features": ["mobile check-in", "room upgrade offer", "late checkout request"]},
    "restaurant": {
        "things": ["menu", "kitchen line", "supplier order", "delivery route", "dining room",
                   "prep station", "walk-in fridge"],
        "cust": "diners", "words": ["Foods", "Kitchen", "Eats"],
        "focuses": ["Kitchen Operations", "Menu", "Delivery", "Front of House"],
        "features": ["online ordering", "table booking", "allergen filter", "loyalty card"]},
    "logistics": {
        "things": ["depot", "delivery route", "truck fleet", "warehouse", "dock schedule",
                   "cross-dock", "parcel sorter"],
        "cust": "shippers", "words": ["Logistics", "Freight", "Transport"],
        "focuses": ["Fleet", "Warehousing", "Routing", "Last Mile"],
        "features": ["live tracking", "delivery slot picker", "proof of delivery",
                     "returns label"]},
    "retail": {
        "things": ["store layout", "product range", "checkout", "stockroom", "loyalty scheme",
                   "store network", "seasonal range", "returns desk"],
        "cust": "shoppers", "words": ["Retail", "Stores", "Goods"],
        "focuses": ["Stores", "Merchandising", "Supply Chain", "Online Store"],
        "features": ["click and collect", "wish list", "size guide", "gift card"]},
    "construction": {
        "things": ["site", "tender", "build programme", "scaffold plan", "materials order",
                   "site cabin", "snagging list"],
        "cust": "clients", "words": ["Construction", "Builders", "Build"],
        "focuses": ["Site Delivery", "Estimating", "Design Coordination", "Site Safety"],
        "features": ["site diary", "defect log", "progress photo feed"]},
    "insurance": {
        "things": ["policy book", "claims queue", "underwriting rule set", "broker panel",
                   "renewal cycle", "claims form"],
        "cust": "policyholders", "words": ["Insurance", "Assurance", "Mutual"],
        "focuses": ["Claims", "Underwriting", "Policy Admin", "Broker Channel"],
        "features": ["online claim form", "policy document view", "quote builder"]},
    "law": {
        "things": ["case file", "matter", "precedent bank", "court calendar",
                   "engagement letter", "billing guideline"],
        "cust": "clients", "words": ["Legal", "Law", "Partners"],
        "focuses": ["Litigation Support", "Practice Systems", "Knowledge", "Matter Intake"],
        "features": ["client portal", "document request", "matter update"]},
    "farm": {
        "things": ["field", "harvest plan", "irrigation system", "grain store", "livestock herd",
                   "greenhouse", "crop rotation"],
        "cust": "growers", "words": ["Farms", "Agri", "Harvest"],
        "focuses": ["Crop Planning", "Irrigation", "Livestock", "Harvest"],
        "features": ["yield map", "field diary", "weather alert"]},
    "airline": {
        "things": ["route network", "gate", "crew roster", "maintenance hangar",
                   "aircraft fleet", "baggage system", "check-in desk"],
        "cust": "passengers", "words": ["Air", "Airways", "Aviation"],
        "focuses": ["Flight Operations", "Crew Planning", "Ground Handling", "Maintenance"],
        "features": ["mobile boarding pass", "seat map", "rebooking flow"]},
    "media": {
        "things": ["newsletter", "back catalogue", "release schedule", "edit suite",
                   "podcast feed", "print run", "archive"],
        "cust": "readers", "words": ["Media", "Press", "Publishing"], "digital": True,
        "focuses": ["Editorial Tools", "Publishing", "Audience", "Archive"],
        "features": ["reading list", "audio edition", "comment section"]},
    "software": {
        "things": ["service", "release train", "mobile app", "public API", "data pipeline",
                   "admin console", "search index"],
        "cust": "users", "words": ["Software", "Labs", "Tech"], "digital": True,
        "roles": ["Backend Engineer", "Frontend Engineer", "Site Reliability Engineer"],
        "systems": ["CI pipeline", "feature flag service", "auth service", "job queue"],
        "faults": ["race conditions", "slow queries"],
        "parties": ["cloud vendor", "security team"],
        "offers": ["annual subscription", "enterprise plan", "usage-based plan",
                   "team plan"],
        "focuses": ["Platform", "Core Services", "Integrations", "Developer Experience"],
        "features": ["SSO login", "audit log", "usage dashboard", "data export"]},
    "transit": {
        "things": ["bus route", "depot", "timetable", "rail line", "fare system", "station",
                   "vehicle fleet"],
        "cust": "riders", "words": ["Transit", "Rail", "Mobility"],
        "focuses": ["Network Planning", "Fleet", "Fares", "Stations"],
        "features": ["journey planner", "live departures board", "contactless fare"]},
    "telecom": {
        "things": ["fibre network", "cell site", "exchange", "subscriber base", "core router",
                   "street cabinet"],
        "cust": "subscribers", "words": ["Telecom", "Networks", "Connect"], "digital": True,
        "focuses": ["Network", "Provisioning", "Field Engineering", "Core Network"],
        "features": ["speed test", "plan switcher", "outage checker"]},
    "brewery": {
        "things": ["brewhouse", "tap room", "barrel store", "canning line", "fermentation tank",
                   "keg fleet"],
        "cust": "drinkers", "words": ["Brewing", "Ales", "Cellars"],
        "focuses": ["Brewing", "Packaging", "Cellar", "Taproom"],
        "features": ["online shop", "club subscription", "tour booking"]},
    "manufacturing": {
        "things": ["production line", "tooling set", "plant", "shift pattern", "supplier base",
                   "quality lab", "paint shop"],
        "cust": "buyers", "words": ["Manufacturing", "Industries", "Works"],
        "focuses": ["Production", "Quality", "Maintenance", "Supply"],
        "features": ["order tracker", "spec sheet portal", "reorder form"]},
    "biotech": {
        "things": ["assay", "trial site", "lab bench", "compound library", "sample store",
                   "stability study"],
        "cust": "researchers", "words": ["Bio", "Therapeutics", "Labs"],
        "focuses": ["Lab Systems", "Clinical Data", "Research Platforms", "Quality"],
        "features": ["sample tracker", "results portal", "study dashboard"]},
    "property": {
        "things": ["property portfolio", "lettings book", "viewing schedule", "tenant file",
                   "repair request queue", "service charge budget"],
        "cust": "tenants", "words": ["Properties", "Realty", "Estates"],
        "focuses": ["Lettings", "Property Management", "Sales Progression", "Maintenance"],
        "features": ["viewing booking", "rent statement", "repair request form"]},
    "charity": {
        "things": ["donor base", "grant programme", "volunteer rota", "fundraising appeal",
                   "community project", "gift aid claim"],
        "cust": "donors", "words": ["Foundation", "Trust", "Alliance"],
        "focuses": ["Fundraising", "Programmes", "Volunteering", "Grants"],
        "features": ["donation page", "volunteer sign-up", "impact report page"]},
    "veterinary": {
        "things": ["exam room", "surgery schedule", "vaccine stock", "kennel block",
                   "pet record", "dental suite"],
        "cust": "pet owners", "words": ["Vets", "Animal", "Pets"],
        "focuses": ["Clinical Systems", "Appointments", "Pharmacy"],
        "features": ["appointment booking", "vaccine reminder", "pet health record"]},
    "fitness": {
        "things": ["class timetable", "studio floor", "membership base", "equipment zone",
                   "personal training roster", "pool schedule"],
        "cust": "members", "words": ["Fitness", "Athletics", "Gym"],
        "focuses": ["Member Experience", "Classes", "Facilities", "Coaching"],
        "features": ["class booking", "workout log", "membership freeze"]},
}
DOMAIN_ALIASES = {
    "utilities": "utility", "games": "game", "gaming": "game", "studios": "studio",
    "power": "energy", "electric": "energy", "electricity": "energy", "solar": "energy",
    "wind": "energy", "grid": "energy", "banking": "bank", "fintech": "bank", "credit": "bank",
    "lending": "bank", "payments": "bank", "hospital": "health", "healthcare": "health",
    "clinic": "health", "care": "health", "medical": "health", "education": "school",
    "university": "school", "college": "school", "learning": "school", "edtech": "school",
    "hospitality": "hotel", "resort": "hotel", "food": "restaurant", "bakery": "restaurant",
    "catering": "restaurant", "cafe": "restaurant", "freight": "logistics",
    "shipping": "logistics", "trucking": "logistics", "delivery": "logistics",
    "courier": "logistics", "store": "retail", "shop": "retail", "fashion": "retail",
    "ecommerce": "retail", "e-commerce": "retail", "commerce": "retail",
    "builder": "construction", "building": "construction", "architecture": "construction",
    "insurtech": "insurance", "legal": "law", "farming": "farm", "agriculture": "farm",
    "agritech": "farm", "aviation": "airline", "airport": "airline", "publishing": "media",
    "news": "media", "film": "media", "music": "media", "magazine": "media", "saas": "software",
    "tech": "software", "app": "software", "cloud": "software", "ai": "software",
    "transport": "transit", "rail": "transit", "bus": "transit", "mobility": "transit",
    "telecommunications": "telecom", "broadband": "telecom", "winery": "brewery",
    "distillery": "brewery", "beverage": "brewery", "factory": "manufacturing",
    "industrial": "manufacturing", "pharma": "biotech", "lab": "biotech",
    "laboratory": "biotech", "estate": "property", "realty": "property",
    "nonprofit": "charity", "foundation": "charity", "gym": "fitness", "sport": "fitness",
    "sports": "fitness", "vet": "veterinary", "animal": "veterinary", "pet": "veterinary",
}

# Per department: headcount weight range; team focuses and titles (<Ind>: the industry's word;
# "*domain*" in focuses: the domain's own); verbs for its thing (T); its project words (PN);
# slots by role: (name, value patterns: <ind>, <cust>, <dept>, <thing>, <feature>, <offer>,
# <domain:KEY>); whether its texts may name a {version} ("digital": when the industry's things
# have versions) or a {region}; frames of its own (its S frames and its issue task: what reads
# right depends on what S and I are). Names of slots are never shared slots nor context
# placeholders.
DEPARTMENT_SPECS = {
    "engineering": {
        "weight": (0.22, 0.3),
        "focuses": ["*domain*", "<Ind> Systems", "<Ind> Data", "Reliability", "Internal Tools",
                    "Platform", "Automation", "Infrastructure"],
        "titles": ["*domain*", "Software Engineer", "Senior Software Engineer",
                   "<Ind> Systems Engineer", "Data Engineer", "Reliability Engineer",
                   "QA Engineer", "Staff Engineer"],
        "leads": ["Engineering Manager", "Head of Engineering", "<Ind> Engineering Lead",
                  "Tech Lead"],
        "verbs": ["Upgrade", "Inspect", "Instrument", "Commission", "Harden", "Replace"],
        "pn": ["Reliability Program", "Modernisation", "Upgrade Program"],
        "version": "digital", "region": False,
        "slots": {
            "T": ("asset", ["<thing>"]),
            "S": ("system", ["<domain:systems>", "<ind> data warehouse", "internal admin tool",
                             "monitoring stack", "build server", "customer portal backend",
                             "reporting pipeline", "<ind> telemetry platform", "config service",
                             "integration layer"]),
            "I": ("fault", ["<domain:faults>", "timeouts under load", "memory leaks",
                            "flaky tests", "data gaps", "sync failures", "bad config pushes",
                            "a missing audit trail", "slow builds"]),
            "A": ("deliverable", ["design review", "test plan", "load model",
                                  "architecture note", "handover pack", "failure analysis",
                                  "commissioning checklist", "cutover plan"]),
            "P": ("counterpart", ["<domain:parties>", "security auditor", "data team",
                                  "operations desk", "hardware supplier", "platform team",
                                  "QA team", "support desk"]),
        },
        "projects": ["Replace the <S>"],
        "tasks": ["Fix <I> in the <T>", "Investigate <I> in the <S>", "Add monitoring to the <S>",
                  "Load test the <S> before {quarter}", "Postmortem: <I> on the <T>",
                  "Write the rollback plan for the <T>", "[{focus}] Connect the <T> to the <S>",
                  "Check the <S> before changing the <T>"],
        "subtasks": ["Add alerting", "Test on staging", "Write the rollback steps",
                     "Deploy to production", "Update the <S> config", "Check the <S> logs"],
        "descriptions": ["The <S> holds most of what we know about the <T>, and parts of it are "
                         "out of date. Clean it up with {person} before {month}.",
                         "Scope: the <T> and the <S>. Out of scope: work another team owns."
                         "\n\nNotes are in {doc}."],
        "comments": ["Reproduced it on staging; the cause is in the <S>.",
                     "Deployed the fix; watching the alarms today.",
                     "Checked the <S>: {n|setting|settings} still need a fix."],
    },
    "product": {
        "weight": (0.06, 0.1),
        "focuses": ["<Ind> Experience", "Self-Service", "Mobile", "Insights", "Onboarding",
                    "Billing", "Accessibility"],
        "titles": ["Product Manager", "Senior Product Manager", "Product Analyst",
                   "<Ind> Product Manager", "Product Owner", "Associate Product Manager"],
        "leads": ["Head of Product", "Group Product Manager", "Product Lead"],
        "verbs": ["Scope", "Prototype", "Ship", "Test", "Refine", "Prioritise"],
        "pn": ["Roadmap", "Discovery", "Launch"],
        "version": True, "region": False,
        "slots": {
            "T": ("feature", ["<feature>", "account page", "notification settings",
                              "search filters", "in-app help", "<ind> history view",
                              "reminder emails", "saved preferences", "referral flow"]),
            "S": ("surface", ["mobile app", "customer portal", "help centre",
                              "self-service kiosk", "account settings page", "onboarding flow",
                              "notification centre", "<ind> dashboard"]),
            "I": ("pain_point", ["confusing sign-up steps", "slow search results",
                                 "unclear status updates", "too many steps to pay",
                                 "hard-to-find settings", "duplicate notifications",
                                 "vague error messages", "missing history"]),
            "A": ("product_doc", ["problem statement", "opportunity brief", "prototype",
                                  "release plan", "launch checklist", "interview synthesis",
                                  "roadmap slide", "success criteria"]),
            "P": ("user_group", ["new <cust>", "loyal <cust>", "<cust> on mobile",
                                 "support agents", "field staff", "first-time <cust>",
                                 "<cust> who asked for it", "beta group"]),
        },
        "projects": ["Rethink the <S>"],
        "tasks": ["Fix <I> in the <T>", "Write acceptance criteria for the <T>",
                  "Interview the <P> about the <T>", "Decide what ships in {version}",
                  "Bring the <T> to the <S>", "Look into <I> on the <S>"],
        "subtasks": ["Write acceptance criteria", "Check the usage numbers",
                     "Agree the release date", "Check how the <T> looks in the <S>"],
        "descriptions": ["Today the <T> is hard to find in the <S>. Make it visible and watch "
                         "how often it is used.\n\nDone when:\n- The <T> is in the <S>\n- "
                         "{person} has signed off the copy"],
        "comments": ["The <P> liked the prototype; two changes before we build.",
                     "Moved the <T> up the list for {quarter}.",
                     "Tried the <T> in the <S>; it reads well now."],
    },
    "design": {
        "weight": (0.05, 0.08),
        "focuses": ["<Ind> Experience", "Design Systems", "Research", "Content Design",
                    "Visual Design"],
        "titles": ["Product Designer", "Senior Product Designer", "UX Researcher",
                   "Content Designer", "Visual Designer"],
        "leads": ["Head of Design", "Design Lead", "Design Manager"],
        "verbs": ["Redesign", "Sketch", "Polish", "Test", "Simplify"],
        "pn": ["Redesign", "Design Refresh", "Research Sprint"],
        "version": True, "region": False,
        "slots": {
            "T": ("screen", ["<feature> screen", "sign-up flow", "settings page",
                             "<ind> dashboard", "home screen", "checkout page"]),
            "S": ("component", ["button set", "form fields", "navigation bar", "data table",
                                "status badge", "modal dialog", "icon set", "empty state"]),
            "I": ("usability_issue", ["low contrast text", "tiny tap targets",
                                      "confusing labels", "inconsistent spacing",
                                      "missing focus states", "cluttered layouts"]),
            "A": ("design_artifact", ["wireframe set", "clickable prototype", "style guide",
                                      "user flow", "research readout", "mood board"]),
            "P": ("research_group", ["new <cust>", "loyal <cust>", "field staff",
                                     "support agents", "first-time visitors",
                                     "accessibility testers"]),
        },
        "projects": ["Clean up the <S>"],
        "tasks": ["Fix <I> in the <T>", "Run a usability test of the <T>",
                  "Update the <S> in the design system", "Use the new <S> on the <T>"],
        "subtasks": ["Sketch two options", "Run a quick usability test", "Swap in the new <S>"],
        "descriptions": ["The <T> still uses an old version of the <S>. Move it to the current "
                         "one and ask {person} to review the result."],
        "comments": ["Left notes on the mock-ups for the <T>.",
                     "The <S> on the <T> is out of date; updating it."],
    },
    "marketing": {
        "weight": (0.07, 0.11),
        "focuses": ["Brand", "Content", "Community", "<Ind> Campaigns", "Lifecycle", "Events",
                    "Communications"],
        "titles": ["Marketing Manager", "Content Marketer", "Communications Officer",
                   "<Ind> Marketing Specialist", "Campaign Manager", "Social Media Manager"],
        "leads": ["Head of Marketing", "Marketing Lead", "Director of Communications"],
        "verbs": ["Launch", "Plan", "Refresh", "Brief", "Schedule"],
        "pn": ["Campaign Calendar", "Brand Refresh", "Awareness Push"],
        "version": False, "region": True,
        "slots": {
            "T": ("campaign", ["spring <ind> campaign", "<ind> awareness week",
                               "newsletter for <cust>", "referral drive", "launch webinar",
                               "winter promo", "community open day", "<ind> safety campaign",
                               "<thing> explainer series"]),
            "S": ("channel", ["email newsletter", "paid social feed", "local radio slot",
                              "search ad account", "events calendar", "website banner",
                              "direct mail drop", "partner newsletter", "video channel"]),
            "I": ("funnel_gap", ["weak subject lines", "thin landing page copy",
                                 "a stale audience list", "broken tracking links",
                                 "off-brand visuals", "an unclear call to action",
                                 "missing alt text", "late creative approvals"]),
            "A": ("creative", ["landing page", "email template", "social post series",
                               "brand guide", "explainer video", "press kit", "case study",
                               "flyer"]),
            "P": ("audience", ["new <cust>", "local businesses", "community groups",
                               "loyal <cust>", "journalists", "partner organisations",
                               "<ind> enthusiasts", "lapsed <cust>"]),
        },
        "projects": ["Relaunch the <S>"],
        "tasks": ["Fix <I> in the <T>", "Proofread the <A> copy", "Book the <S> for the <T>",
                  "Run the <T> on the <S>", "Plan the <S> schedule for {month}"],
        "subtasks": ["Proofread the copy", "Get brand sign-off", "Schedule the posts",
                     "Book space on the <S>"],
        "descriptions": ["The <T> goes out on the <S> in {month}. {person} owns the copy and "
                         "{focus} reviews it.\n\nDone when:\n- The copy is approved\n- The "
                         "send is scheduled"],
        "comments": ["Copy is final; the <A> goes out on {weekday}.",
                     "The <S> is booked for the <T>."],
    },
    "sales": {
        "weight": (0.1, 0.15),
        "focuses": ["<Ind> Partnerships", "New Business", "Key Accounts", "Renewals",
                    "Inside Sales", "Public Sector"],
        "titles": ["Account Executive", "Senior Account Executive", "Sales Development Rep",
                   "<Ind> Account Manager", "Sales Engineer", "Bid Manager"],
        "leads": ["Head of Sales", "Sales Manager", "Regional Sales Director"],
        "verbs": ["Price", "Pitch", "Package", "Position", "Quote"],
        "pn": ["Pipeline Push", "Account Plan", "Pricing Review"],
        "version": False, "region": True,
        "slots": {
            "T": ("offer", ["<offer>", "multi-year agreement", "pilot bundle", "volume tier",
                            "annual plan", "partner package", "support plan"]),
            "S": ("segment", ["commercial accounts", "public sector buyers",
                              "mid-size businesses", "regional distributors",
                              "new-build developers", "enterprise buyers", "channel partners",
                              "local councils"]),
            "I": ("objection", ["price pushback", "concerns about contract length",
                                "procurement delays", "a budget freeze",
                                "a competitor discount", "an unclear business case",
                                "legal redlines", "a new decision maker"]),
            "A": ("sales_asset", ["proposal", "pricing sheet", "quote", "pitch deck",
                                  "order form", "reference call", "business case",
                                  "mutual action plan"]),
            "P": ("buyer", ["procurement lead", "operations director", "finance director",
                            "facilities manager", "technical evaluator", "project sponsor",
                            "purchasing committee"]),
        },
        "projects": ["Win more <S>"],
        "tasks": ["Handle <I> on the <T>", "Send the <A> to {account}",
                  "Qualify {account} for the <T>", "Build a target list of <S>",
                  "Pitch the <T> to <S>"],
        "subtasks": ["Confirm the budget", "Send the follow-up email", "Book the next call",
                     "Pull the list of <S>"],
        "descriptions": ["The <T> sells best to <S>. Build the list, book the first calls and "
                         "bring the notes to the {focus} sync.\n\n- {person} owns the list\n- "
                         "First calls by {month}"],
        "comments": ["{account} wants the <A> by {weekday}.",
                     "Two more <S> asked about the <T>."],
    },
    "customer_success": {
        "weight": (0.08, 0.12),
        "focuses": ["Onboarding", "Support", "<Ind> Accounts", "Renewals", "Escalations",
                    "Training"],
        "titles": ["Customer Success Manager", "Support Specialist", "Onboarding Specialist",
                   "<Ind> Account Manager", "Customer Advocate", "Support Engineer"],
        "leads": ["Head of Customer Success", "Support Lead", "Customer Success Lead"],
        "verbs": ["Run", "Plan", "Refresh", "Schedule", "Review"],
        "pn": ["Renewal Drive", "Onboarding Refresh", "Service Review"],
        "version": False, "region": True,
        "slots": {
            "T": ("program", ["onboarding plan", "renewal review", "<ind> health check",
                              "service review", "adoption plan", "success plan",
                              "training day for <cust>", "escalation review"]),
            "S": ("touchpoint", ["support inbox", "help centre", "phone line", "live chat",
                                 "<ind> service desk", "account review call",
                                 "customer forum", "field visit"]),
            "I": ("complaint", ["billing disputes", "missed appointments", "slow responses",
                                "service interruptions", "wrong invoices",
                                "unanswered tickets", "<ind> service outages",
                                "repeat faults"]),
            "A": ("resource", ["help article", "onboarding checklist", "service report",
                               "welcome pack", "training video", "FAQ page", "account plan",
                               "escalation summary"]),
            "P": ("customer_group", ["new <cust>", "key accounts", "at-risk accounts",
                                     "loyal <cust>", "<cust> on the basic plan",
                                     "multi-site customers", "vulnerable <cust>"]),
        },
        "projects": ["Improve the <S>"],
        "tasks": ["Resolve <I> raised through the <S>", "Follow up on <I> after the <T>",
                  "Call {account} about the <T>", "Send the recap of the <T> to {account}",
                  "Review the <S> backlog with {person}", "Set up the <T> for {account}"],
        "subtasks": ["Send the recap email", "Update the account notes",
                     "Check the <S> for open requests"],
        "descriptions": ["Requests about the <T> arrive through the <S> and wait too long. "
                         "Triage them with {person} and agree a response time.\n\n- Every "
                         "open request has an owner"],
        "comments": ["Spoke with {account}; they are happy with the <T>.",
                     "Cleared the <S> queue for the <T>."],
    },
    "operations": {
        "weight": (0.08, 0.14),
        "focuses": ["<Ind> Operations", "Procurement", "Facilities", "Workplace",
                    "Vendor Management", "IT Operations", "Business Continuity"],
        "titles": ["Operations Analyst", "Operations Coordinator", "Procurement Specialist",
                   "Facilities Coordinator", "<Ind> Operations Specialist",
                   "Business Operations Manager"],
        "leads": ["Head of Operations", "Operations Manager", "Director of Operations"],
        "verbs": ["Streamline", "Document", "Audit", "Map", "Simplify"],
        "pn": ["Process Review", "Cost Review", "Continuity Program"],
        "version": False, "region": False,
        "slots": {
            "T": ("process", ["procurement process", "vendor onboarding",
                              "month-end stock count", "<ind> supply schedule",
                              "facilities request flow", "shift handover",
                              "equipment maintenance plan", "access request process",
                              "office move plan", "<ind> equipment audit"]),
            "S": ("tool", ["procurement portal", "facilities tracker", "fleet system",
                           "inventory system", "access control system", "shared inbox",
                           "contract register", "asset register"]),
            "I": ("bottleneck", ["late purchase orders", "missing approvals", "stock shortages",
                                 "unclear ownership", "duplicate requests", "expired contracts",
                                 "slow vendor replies", "manual data entry"]),
            "A": ("policy", ["purchasing policy", "travel policy", "business continuity plan",
                             "vendor scorecard", "safety checklist", "facilities budget",
                             "insurance schedule", "records retention schedule"]),
            "P": ("vendor", ["facilities contractor", "cleaning supplier", "fleet lessor",
                             "office landlord", "IT reseller", "security firm",
                             "<ind> equipment supplier", "courier service"]),
        },
        "projects": ["Replace the <S>"],
        "tasks": ["Clear <I> in the <T>", "Renew the contract with the <P>",
                  "Count stock before {month} close", "Move the <T> into the <S>",
                  "Clean up old records in the <S>"],
        "subtasks": ["Update the vendor list", "Get two quotes", "Update the <S>"],
        "descriptions": ["The <T> still runs on email and the <S> is only half used. Move the "
                         "steps into the <S> with {person}.\n\nDone when:\n- Every request "
                         "goes through the <S>"],
        "comments": ["The <P> confirmed the new dates.",
                     "Checked the <S>: {n|request|requests} still open."],
    },
    "people": {
        "weight": (0.05, 0.08),
        "focuses": ["Talent Acquisition", "People Operations", "Learning", "<Ind> Workforce",
                    "Total Rewards"],
        "titles": ["Recruiter", "People Partner", "People Operations Specialist",
                   "Learning Coordinator", "<Ind> Talent Partner"],
        "leads": ["Head of People", "People Lead", "HR Manager"],
        "verbs": ["Launch", "Run", "Refresh", "Plan", "Review"],
        "pn": ["Hiring Plan", "Engagement Program", "Career Framework"],
        "version": False, "region": False,
        "slots": {
            "T": ("people_program", ["onboarding week", "mentoring scheme", "engagement survey",
                                     "performance review cycle", "leadership course",
                                     "wellbeing programme", "apprenticeship scheme"]),
            "S": ("hiring_role", ["<ind> technician role", "field supervisor role",
                                  "data analyst role", "customer adviser role",
                                  "project engineer role", "<ind> specialist role"]),
            "I": ("people_issue", ["slow hiring", "thin survey response",
                                   "unclear career paths", "overtime pressure",
                                   "turnover in field roles", "late offer letters"]),
            "A": ("people_doc", ["job description", "interview scorecard",
                                 "offer letter template", "handbook page", "training plan",
                                 "pay band table"]),
            "P": ("talent_pool", ["local colleges", "trade schools", "returning parents",
                                  "veterans", "career changers", "industry meetups"]),
        },
        "projects": ["Hire for the <S>"],
        "tasks": ["Tackle <I> in the <T>", "Open the <S> for {quarter}",
                  "Source candidates for the <S> from the <P>"],
        "subtasks": ["Check the budget with finance", "Post the job ad",
                     "Book interviews for the <S>"],
        "descriptions": ["We need to fill the <S> by {month}. {person} is the hiring manager."
                         "\n\n- Job ad posted\n- First interviews booked"],
        "comments": ["Three strong candidates for the <S> so far."],
    },
    "finance": {
        "weight": (0.05, 0.08),
        "focuses": ["Accounting", "FP&A", "Procurement Finance", "<Ind> Billing", "Treasury"],
        "titles": ["Financial Analyst", "Accountant", "Senior Accountant", "Billing Specialist",
                   "<Ind> Finance Analyst"],
        "leads": ["Head of Finance", "Finance Manager", "Controller"],
        "verbs": ["Reconcile", "Forecast", "Review", "Close", "Reforecast"],
        "pn": ["Budget Cycle", "Close Improvement", "Audit Readiness"],
        "version": False, "region": False,
        "slots": {
            "T": ("budget_line", ["<ind> capital budget", "maintenance budget",
                                  "payroll accrual", "vendor payments run",
                                  "<ind> equipment budget", "insurance premium schedule",
                                  "software subscriptions line", "travel spend line"]),
            "S": ("ledger", ["accounts payable ledger", "accounts receivable ledger",
                             "general ledger", "fixed asset register", "payroll journal",
                             "cash forecast", "grants ledger"]),
            "I": ("variance", ["a budget overrun", "late invoices", "unmatched payments",
                               "duplicate bills", "missing receipts", "accrual gaps",
                               "open audit findings"]),
            "A": ("report", ["month-end pack", "variance report", "board report",
                             "cash flow forecast", "audit schedule", "budget submission",
                             "tax filing"]),
            "P": ("approver", ["budget holder", "finance committee", "external auditor",
                               "procurement lead", "department head", "treasury team"]),
        },
        "projects": ["Clean up the <S>"],
        "tasks": ["Resolve <I> in the <T>", "Close the books for {month}",
                  "Reconcile the <S> for {month}", "Post the <T> accrual to the <S>"],
        "subtasks": ["Tie out the balances", "Post the journal", "Check the <S> balance"],
        "descriptions": ["The <S> does not tie out for {month}: <I> around the <T>. Find the "
                         "entries and fix them before close.\n\n- {person} reviews the "
                         "journals"],
        "comments": ["Numbers tie out for {month}.", "Posted the fix to the <S>."],
    },
}
GENERIC_SPEC = {
    "weight": (0.05, 0.15),
    "focuses": ["<Ind> <Dept>", "<Dept> Operations", "<Dept> Programs", "Planning",
                "Quality", "Partnerships"],
    "titles": ["<Dept> Specialist", "<Dept> Analyst", "Senior <Dept> Specialist",
               "<Dept> Coordinator", "<Ind> <Dept> Specialist"],
    "leads": ["Head of <Dept>", "<Dept> Lead", "<Dept> Manager"],
    "verbs": ["Review", "Plan", "Update", "Streamline", "Document"],
    "pn": ["Program", "Review", "Plan"],
    "version": False, "region": False,
    "slots": {
        "T": ("workstream", ["<ind> <dept> review", "<dept> intake process",
                             "<dept> request queue", "<thing> <dept> check",
                             "<dept> service catalogue", "<dept> training plan",
                             "<dept> reporting cycle"]),
        "S": ("workspace", ["shared tracker", "request form", "team inbox", "document library",
                            "reporting dashboard", "approval flow"]),
        "I": ("snag", ["missing owners", "late sign-offs", "unclear requests",
                       "duplicate work", "manual handoffs", "stale records"]),
        "A": ("output", ["status report", "proposal", "checklist", "review summary",
                         "process map", "budget request"]),
        "P": ("stakeholder", ["leadership team", "partner teams", "outside advisers",
                              "new <cust>", "regional leads", "project sponsors"]),
    },
    "projects": ["Tidy up the <S>"],
    "tasks": ["Fix <I> in the <T>", "Move the <T> into the <S>", "Clean up the <S>"],
    "subtasks": ["Update the <S>"],
    "descriptions": ["The <T> lives partly in the <S> and partly in email. Bring it together "
                     "with {person} before {month}."],
    "comments": ["Updated the <S> for the <T>."],
}

# Frames every department shares. Context placeholders and shared slots ({account}, {doc},
# {region}) are kept as they are; a frame using one the request does not offer is skipped.
DEPT_FRAMES = {
    "projects": [
        "{quarter} {focus} Plan",
        "<PN>: {focus}",
        "<V> the <T>",
        "<V> the <T> for {quarter}",
        "Tackle <I> in {quarter}",
        "The <A> for {quarter}",
        "Work with the <P> on the <T>",
        "{focus}: <v> the <T>",
    ],
    "tasks": [
        "<V> the <T>",
        "[{focus}] <V> the <T>",
        "<V> the <T> for {quarter}",
        "Review the <T> with {person}",
        "Plan the next round of work on the <T>",
        "Write up lessons from the work on the <T>",
        "Follow up on ticket {id4} about the <T>",
        "Prepare the <T> for {month}",
        "Gather feedback on the <T> from {n|team|teams}",
        "[{focus}] Hand the <T> over to {person}",
        "Check the <T> after {version}",
        "[{focus}] Find the cause of <I>",
        "Stop <I> from coming back",
        "Draft the <A> for the <T>",
        "Review the <A> with {person}",
        "Update the <A> after ticket {id4}",
        "Sign off the <A> for {quarter}",
        "Walk the <P> through the <T>",
        "Collect questions from the <P>",
        "[{focus}] Agree next steps with the <P>",
        "<V> the <T> for {account}",
        "Share {doc} on the <T> with {person}",
        "Roll out the <T> in {region}",
    ],
    "subtasks": [
        "List open questions about the <T>",
        "Agree the scope with {person}",
        "Draft the first version",
        "Review with {focus}",
        "Get sign-off from {person}",
        "Share the result with the team",
        "Update {doc}",
        "Hold the walkthrough on {weekday}",
        "Close ticket {id4}",
        "Plan a check-in for {month}",
        "Write down where we see <I>",
        "Confirm the fix for <I>",
        "Draft the <A>",
        "Circulate the <A>",
        "Send a note to the <P>",
        "Collect answers from the <P>",
    ],
    "descriptions": [
        "We need to <v> the <T> before {quarter}. {person} owns it, with help from "
        "{focus}.\n\nDone when:\n- The <T> is signed off\n- Open questions are closed",
        "Context: we keep running into <I> around the <T> ({n|report|reports} this month)."
        "\n\nPlan: find the cause, fix it, and check again with {person}.",
        "Raised in ticket {id4}: the <P> asked for changes to the <T>. {person} has the "
        "details.",
        "Part of the {quarter} {focus} plan. The <A> for the <T> should be ready by {month}.",
        "We will <v> the <T> for {account}. {person} is the contact on our side.",
        "The <T> has not changed since {version}, and {focus} works around it every week. "
        "<V> it so that {person} can rely on it again.",
        "Scope: the <T>. Out of scope: work another team owns.\n\nNotes are in {doc}.",
    ],
    "comments": [
        "Thanks {person}, the <T> looks good to me.",
        "Picked this up; first pass on the <T> by {weekday}.",
        "Can we move this to next week? {focus} is busy with {quarter} work.",
        "Looping in {person} for the <T>.",
        "Updated {doc} with the latest on the <T>.",
        "Any blockers on the <T>?",
        "Waiting on {person} for an answer about the <T>.",
        "Saw <I> again around the <T>; looking into it.",
        "The <A> is ready for review, {person}.",
        "Spoke with the <P>; they are happy with the direction.",
        "Done on my side, over to you {person}.",
        "Let's go through the <T> on {weekday}.",
        "Ticket {id4} has the details.",
    ],
}
DEPT_ROLES = ["T", "S", "I", "A", "P"]
DEPT_BAD_KINDS = ["unknown_slot", "shared_slot_name", "missing_comments"]
CONTEXT_DEPT_DEFAULT = ["person", "focus", "weekday", "month", "quarter", "n", "id4", "version"]


def title_word(word):
    """A word as it heads a name: its own casing when it has capitals inside ("SaaS")."""
    return word if re.search(r"[A-Z]", word[1:]) else word[:1].upper() + word[1:]


def plural(noun):
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


class DepartmentRequest:
    """What make_department needs of a department request (see the module docstring)."""

    def __init__(self, user):
        self.user = user
        self.department = re.search(r"^Department: (.+?)\. Write the ", user, re.M).group(1)
        m = re.search(r"^Industry: (.+)\.$", user, re.M)
        self.industry = m.group(1).strip() if m else "Business services"
        m = re.search(r"^Shared slots[^\n]*", user, re.M)
        self.shared = re.findall(r"\{([a-z_0-9]+)\}", m.group(0)) if m else []
        m = re.search(r"^Context placeholders: ([^\n]*)", user, re.M)
        names = re.findall(r"\{([a-z_0-9]+)", m.group(1)) if m else []
        self.context = set(names) or set(CONTEXT_DEPT_DEFAULT)
        self.company_words = re.search(r'^Also give "company_words"', user, re.M) is not None
        key = re.sub(r"[^a-z]+", "_", self.department.lower()).strip("_")
        self.spec = DEPARTMENT_SPECS.get(key, GENERIC_SPEC)


class Industry:
    """The words of an industry: its domains (DOMAINS entries, or a word standing in itself)."""

    def __init__(self, text):
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9'&-]*", text)
                 if w.lower() not in DEPT_STOPWORDS]
        self.words = words or ["Business"]
        self.entries = []
        for w in self.words:
            key = self.domain_key(w)
            if key and DOMAINS[key] not in self.entries:
                self.entries.append(DOMAINS[key])
        # The word that names the industry's things: the first with a domain, else the first
        # that is not an adjective and not the head noun, else the head noun.
        plain = [w for w in self.words if w.lower() not in DEPT_ADJECTIVES]
        keyed = [w for w in plain if self.domain_key(w)]
        if keyed:
            self.word = keyed[0]
        elif len(plain) > 1:
            self.word = plain[0]
        else:
            self.word = (plain or self.words)[-1]
        self.ind = self.word if re.search(r"[A-Z]", self.word[1:]) else self.word.lower()
        self.Ind = title_word(self.word)
        self.cust = self.entries[0]["cust"] if self.entries else "customers"

    @staticmethod
    def domain_key(word):
        w = word.lower()
        for cand in (w, w[:-1] if w.endswith("s") else w):
            if cand in DOMAINS:
                return cand
            if cand in DOMAIN_ALIASES:
                return DOMAIN_ALIASES[cand]
        return None

    def merged(self, key, fallback):
        """An entry list of every domain, interleaved (first items first), or the fallback."""
        lists = [e[key] for e in self.entries if e.get(key)]
        out = []
        for i in range(max((len(x) for x in lists), default=0)):
            for x in lists:
                if i < len(x) and x[i] not in out:
                    out.append(x[i])
        return out or [f.replace("<ind>", self.ind).replace("<Ind>", self.Ind) for f in fallback]

    def things(self):
        return self.merged("things", ["<ind> site", "<ind> schedule", "<ind> supplier list",
                                      "<ind> service catalogue", "<ind> booking system",
                                      "<ind> equipment list", "<ind> contract",
                                      "<ind> safety plan", "<ind> price list"])

    def features(self):
        return self.merged("features", ["online booking", "<ind> status page",
                                        "customer account page", "saved preference",
                                        "order history", "<ind> reminder"])

    def focuses(self):
        return self.merged("focuses", ["<Ind> Operations", "<Ind> Services", "<Ind> Systems"])

    def offers(self):
        return self.merged("offers", ["<ind> service contract", "annual <ind> plan",
                                      "bulk <ind> order"])

    def digital(self):
        """Whether its things have versions (software, games): {version} reads there."""
        return any(e.get("digital") for e in self.entries)

    def company_words(self, rng, count):
        """The domains' words (the first of each first), then the industry's other words, then
        words any company may end with."""
        lists = [e["words"] for e in self.entries]
        firsts = [x[0] for x in lists]
        rest = [w for x in lists for w in x[1:]]
        rng.shuffle(rest)
        plain = [title_word(w) for w in self.words if not self.domain_key(w) and
                 w.lower() not in DEPT_ADJECTIVES and w.isalpha()]
        out = []
        for w in firsts + rest + plain + ["Group", "Works", "Partners"]:
            if w not in out and re.fullmatch(r"[A-Z][A-Za-z]*", w):
                out.append(w)
        return out[:count]


def expand(pattern, industry, dept, things, features):
    """The values a slot pattern gives: one per thing, feature or offer when it names them."""
    base = (pattern.replace("<ind>", industry.ind).replace("<Ind>", industry.Ind)
            .replace("<cust>", industry.cust).replace("<dept>", dept.lower())
            .replace("<Dept>", dept))
    if "<thing>" in base:
        return [base.replace("<thing>", t) for t in things]
    if "<feature>" in base:
        return [base.replace("<feature>", f) for f in features]
    if "<offer>" in base:
        return [base.replace("<offer>", o) for o in industry.offers()]
    m = re.fullmatch(r"<domain:([a-z]+)>", base)
    if m:
        return industry.merged(m.group(1), [])
    return [base]


def render(frame, roles, verb, pn, industry):
    """A frame with its roles named ({asset}), or None when it uses a role the answer lacks.
    `verb`: the department's verb for this frame."""
    for role in re.findall(r"<([TSIAP])>", frame):
        if role not in roles:
            return None
    out = frame
    for role, name in roles.items():
        out = out.replace("<%s>" % role, "{%s}" % name)
    return (out.replace("<V>", verb).replace("<v>", verb.lower()).replace("<PN>", pn)
            .replace("<Ind>", industry.Ind))


def dept_frame_ok(text, req, own, values, versions):
    """Whether a rendered template uses only what the request offers and reads well;
    `versions`: whether its things have versions."""
    for name in re.findall(r"\{([a-z_0-9]+)(?:\|[^}]*)?\}", text):
        if name not in own and name not in req.shared and name not in req.context:
            return False
    if "{version}" in text and not versions:
        return False
    if "{region}" in text and not req.spec["region"]:
        return False
    return not doubled_word(text, values)


def pick_templates(rng, frames, k, roles, required_roles=()):
    """k frames, first one for each required role that has one, then the rest at random."""
    chosen = []
    for role in required_roles:
        name = "{%s}" % roles[role]
        if any(name in f for f in chosen):
            continue
        having = [f for f in frames if name in f and f not in chosen]
        if having:
            chosen.append(rng.choice(having))
    rest = [f for f in frames if f not in chosen]
    chosen += rng.sample(rest, max(0, min(k - len(chosen), len(rest))))
    return chosen


def make_department(req, fault):
    """The answer to a department request: {"department": {...}, "company_words": [...]}."""
    seed = zlib.crc32(req.user.encode())
    rng = random.Random(seed)
    spec = req.spec
    industry = Industry(req.industry)
    dept = req.department
    things = industry.things()
    features = industry.features()

    def fill_names(patterns, lo, hi):
        """lo-hi names in the order of the list; "*domain*": one or two of the domain's."""
        own, out = [], []
        for p in patterns:
            p = p.replace("<Ind>", industry.Ind).replace("<Dept>", dept)
            if p == "*domain*":
                roles = industry.merged("roles", [])
                own = rng.sample(roles, min(len(roles), rng.randint(1, 2)))
            elif p not in out:
                out.append(p)
        k = min(len(out), rng.randint(lo, hi) - len(own))
        picked = sorted(rng.sample(range(len(out)), k))
        return own + [out[i] for i in picked]

    # Team focuses: the domain's own first (for the departments that have them), then the
    # department's, one or two of them with the industry's word.
    focuses = []
    if "*domain*" in spec["focuses"]:
        domain = industry.focuses()
        focuses += rng.sample(domain, min(len(domain), rng.randint(2, 3)))
    own_focuses = [f.replace("<Ind>", industry.Ind).replace("<Dept>", dept)
                   for f in spec["focuses"] if f != "*domain*"]
    with_ind = [f for f in own_focuses if industry.Ind in f.split()]
    without = [f for f in own_focuses if f not in with_ind]
    focuses += with_ind[:1]
    rng.shuffle(without)
    target = rng.randint(4, 6)
    for f in without:
        if len(focuses) >= target:
            break
        if f not in focuses:
            focuses.append(f)
    focuses = focuses[:6]

    # Slots: the thing it works on, and two to four other roles.
    others = rng.sample(DEPT_ROLES[1:], rng.randint(2, 4))
    roles = {r: spec["slots"][r][0] for r in DEPT_ROLES if r == "T" or r in others}
    slots = {}
    for role, name in roles.items():
        # The domain's own values first ("<thing>", "<domain:faults>"), then the department's.
        # A pattern that is more than a domain list ("<thing> explainer series") gives two.
        domain, general = [], []
        for pattern in spec["slots"][role][1]:
            whole = re.fullmatch(r"<(thing|feature|offer|domain:[a-z]+)>", pattern)
            into = domain if whole else general
            vs = expand(pattern, industry, dept, things, features)
            for v in vs if whole else rng.sample(vs, min(2, len(vs))):
                if v not in domain and v not in general and "{" not in v:
                    into.append(v)
        rng.shuffle(domain)
        rng.shuffle(general)
        slots[name] = (domain + general)[:rng.randint(6, 10)]
    values = dict(slots, focus=focuses)
    pn = rng.choice(spec["pn"])
    versions = spec["version"] is True or (spec["version"] == "digital" and industry.digital())

    def usable(kind):
        frames = DEPT_FRAMES[kind] + spec.get(kind, [])
        out = []
        for f in frames:
            text = render(f, roles, rng.choice(spec["verbs"]), pn, industry)
            if text and text not in out and dept_frame_ok(text, req, slots, values, versions):
                out.append(text)
        return out

    projects = usable("projects")
    with_focus = [p for p in projects if "{focus}" in p]
    with_quarter = [p for p in projects if "{quarter}" in p and p not in with_focus]
    first = [rng.choice(with_focus)] if with_focus else []
    first += [rng.choice(with_quarter)] if with_quarter else []
    rest = [p for p in projects if p not in first]
    projects = first + rng.sample(rest, min(len(rest), rng.randint(5, 8) - len(first)))
    templates = {
        "tasks": pick_templates(rng, usable("tasks"), rng.randint(8, 12), roles, list(roles)),
        "subtasks": pick_templates(rng, usable("subtasks"), rng.randint(8, 12), roles),
        "descriptions": pick_templates(rng, usable("descriptions"), rng.randint(4, 6), roles),
        "comments": pick_templates(rng, usable("comments"), rng.randint(6, 10), roles),
    }
    lo, hi = spec["weight"]
    department = {
        "name": dept,
        "headcount_weight": round(rng.uniform(lo, hi), 2),
        "team_focuses": focuses,
        "titles": fill_names(spec["titles"], 4, 6),
        "lead_titles": fill_names(spec["leads"], 2, 3),
        "projects": projects,
        "slots": slots,
        "templates": templates,
    }
    # About one answer in four is bad (by the seed), of a kind that rotates; bad_items spoils
    # every answer.
    kind = None
    if fault == "bad_items" or seed % 4 == 0:
        kind = DEPT_BAD_KINDS[(seed // 4) % len(DEPT_BAD_KINDS)]
    if kind == "unknown_slot":
        templates["tasks"][-1] = "Check the {%s} against {nonexistent_slot}" % roles["T"]
    elif kind == "shared_slot_name":
        # One of its own slots takes the name of a shared slot its templates do not use.
        used = json.dumps(department)
        free = [s for s in req.shared if "{%s}" % s not in used] or req.shared or ["region"]
        shared = next((s for s in ["metric", "region", "doc"] if s in free), free[0])
        old = roles[rng.choice([r for r in roles if r != "T"])]
        slots[shared] = slots.pop(old)
        department = json.loads(used.replace("{%s}" % old, "{%s}" % shared))
        department["slots"] = slots
    elif kind == "missing_comments":
        del templates["comments"]
    answer = {"department": department}
    if req.company_words:
        # The same words for every department of an industry.
        words_rng = random.Random(zlib.crc32(req.industry.lower().encode()))
        answer["company_words"] = industry.company_words(words_rng,
                                                         2 if fault == "wrong_count" else 3)
    return answer


# --good-only: archetype answers hold no bad item unless a fault asks for them.
GOOD_ONLY = False


def make_content(req, fault):
    """The answer's text for an archetype or a department request, or None for a prompt of
    another kind."""
    messages = req.get("messages") or []
    user = messages[-1].get("content") if messages and isinstance(messages[-1], dict) else None
    if not isinstance(user, str):
        return None
    if re.search(r"^Department: (.+?)\. Write the ", user, re.M) and \
            'Answer with JSON only: {"department"' in user:
        return json.dumps(make_department(DepartmentRequest(user), fault))
    if not re.search(r"Write \d+ new archetypes", user) or \
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
    ap.add_argument("--hang", action="store_true",
                    help="every request after the --faults list is read and never answered")
    ap.add_argument("--good-only", action="store_true",
                    help="no bad archetype unless a fault asks for one (one round of requests)")
    cfg = ap.parse_args()
    global GOOD_ONLY
    GOOD_ONLY = cfg.good_only
    cfg.faults = [f for f in cfg.faults.split(",") if f]
    cfg.models = cfg.models.split(",")
    server = ThreadingHTTPServer(("127.0.0.1", cfg.port), Handler)
    server.daemon_threads = True
    server.cfg = cfg
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
