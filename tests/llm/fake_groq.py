#!/usr/bin/env python3
"""A fake Groq API server for asanasim's tests: a real HTTP/1.1 server on loopback that speaks
the chat-completions API as docs/reference/groq-api.md describes (section 8).

  fake_groq.py --key KEY [--rpm N] [--tpm N] [--rpd N] [--window S] [--count used|max]
               [--faults LIST] [--models a,b] [--latency S]

Prints "PORT <n>" on stdout once listening (port 0 = any free port). Behaviour:
- POST /openai/v1/chat/completions. 401 for a missing or wrong bearer key; 404 model_not_found
  for a model not in --models; 400 for n != 1 or more than 4 stop strings; 413 when the prompt
  estimate plus max_completion_tokens exceeds the TPM limit; 429 (retry-after, "Please try again
  in Xs", type requests/tokens) when the RPM or TPM of the sliding --window (default 60 s) is
  used up, and 429 "requests per day (RPD)" past --rpd. A request counts in the token window
  with what it uses (prompt + completion: --count used, the default) or with prompt +
  max_completion_tokens (--count max). Otherwise a completion whose content is {"items": [...]}
  with as many items as the prompt asks for, using the placeholders it lists, the same for the
  same request whenever it is asked; gpt-oss models also spend reasoning tokens (billed as
  completion) by reasoning_effort: low 120, medium 480 (the default), high 1400.
- x-ratelimit-{limit,remaining,reset}-{requests,tokens} on every response (Go durations).
- --faults: a comma list applied to the first requests in order, one per request: 500, 502,
  503 (no body), 498, 429 (retry-after 1), reset (connection closed mid-response), slow (2 s
  delay), malformed (200 with broken JSON), truncated (200, body cut short), wrong_count (one
  item too many, one missing), bad_items (markdown, unknown placeholder, stray brace, too short),
  json_validate_failed (400), ok (no fault).
- GET /stats: {"requests": N, "statuses": {code: n}, "times": [seconds since start, ...],
  "accepted": [[seconds since start, tokens counted], ...], "violations": {"rpm": n, "tpm": n}}
  (violations: requests refused because the sliding window was full).
"""
import argparse
import json
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
                                                  "failed_generation": "{\"items\": [\"unfinished"}})
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


def make_content(req, fault):
    user = req["messages"][-1]["content"]
    # The same request gets the same answer (as a cached answer would be): a resumed run
    # ends with the same pools as an uninterrupted one.
    seq = zlib.crc32(user.encode()) % 100000
    count = int(re.search(r"Write (\d+) different items", user).group(1))
    department = re.search(r"Department: ([^.]+)\.", user).group(1)
    allowed = re.findall(r"\{([a-z_0-9]+)\}", user.split("Placeholders you may use:")[1].split("\n")[0])
    description = "A task description" in user
    items = []
    for i in range(count):
        ph1 = "{%s}" % allowed[(seq + i) % len(allowed)]
        if description:
            text = ("%s work item %d-%d: review the plan with {person} and agree the next step for "
                    "%s before {date}.\n- Owner confirmed\n- Notes added" % (department, seq, i, ph1))
        else:
            text = "Update %d-%d from %s: checked %s with {person}, next step on {weekday}." % (
                seq, i, department, ph1)
        items.append(text)
    if fault == "wrong_count":
        items = items[:-1] if count > 1 else items + ["Extra item %d with {person} done." % seq]
    if fault == "bad_items":
        items = ["```json```", "Ask {nonexistent_slot} about it please", "Stray } brace here in text",
                 "short"] + items[4:]
    return json.dumps({"items": items})


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
