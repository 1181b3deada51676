#!/usr/bin/env bash
# A real Slurm: installs (if needed) and starts munge and a single-node Slurm on this machine,
# submits the shards of a 4-org universe as a job array with shard-submit.sh, waits, merges the
# slices and compares the merged content hash with a single run's; resubmitting must find every
# shard verified. Stops every daemon it started. Needs root (apt-get, daemons); exits 77 (ctest:
# skipped) without it.
# Usage: slurm_test.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$1" && pwd)/asanasim
if [[ $(id -u) -ne 0 ]]; then
  echo "slurm_test: needs root to install and start munge and Slurm; skipping"
  exit 77
fi
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Packages.
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "slurm_test: installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

work=$(mktemp -d /tmp/asanasim_slurm_XXXXXX)
chmod 755 "$work"
started_munge=0
cleanup() {
  local pids=()
  for f in slurmctld.pid slurmd.pid munged.pid; do
    [[ -f "$work/$f" ]] && pids+=("$(cat "$work/$f")")
  done
  [[ $started_munge -eq 1 ]] || pids=("${pids[@]:0:2}")
  if [[ ${#pids[@]} -gt 0 ]]; then
    kill "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "${pids[@]}" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "${pids[@]}" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# 2. munge: our own daemon on our own socket, so nothing else on the machine is touched.
if [[ ! -s /etc/munge/munge.key ]]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  chown munge:munge /etc/munge/munge.key 2>/dev/null || true
  chmod 400 /etc/munge/munge.key
fi
mkdir -p "$work/munge"
chown munge:munge "$work/munge" 2>/dev/null || true
socket="$work/munge/munge.socket"
runuser -u munge -- /usr/sbin/munged --socket="$socket" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" 2>&1 || fail "munged did not start"
started_munge=1
cp "$work/munge/munged.pid" "$work/munged.pid"
munge --socket="$socket" -n | unmunge --socket="$socket" >/dev/null || fail "munge does not work"

# 3. Slurm: controller and one compute node on this host, on private ports.
host=$(hostname -s)
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=asanasimtest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16917
SlurmdPort=16918
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start: $(tail -5 "$work/slurmctld.log" 2>/dev/null)"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start: $(tail -5 "$work/slurmd.log" 2>/dev/null)"
for _ in $(seq 1 30); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 1
done
sinfo -h -o %t | grep -q idle || fail "the node did not come up: $(sinfo 2>&1; tail -5 "$work/slurmd.log")"
echo "slurm_test: single-node Slurm up: $(sinfo -h -o '%P %a %D %t %N')"

# 4. The array: 4 slices of a 4-org universe, at most 2 at once.
world=(--users 40 --projects 6 --tasks-per-project 12)
start=$(date +%s)
timeout 300 "$root/scripts/shard-submit.sh" --mode slices --shards 4 --orgs 4 --base-seed 11 \
  --out-dir "$work/slices" --throttle 2 --wait --bin "$bin" -- "${world[@]}" || fail "the array failed"
echo "slurm_test: array finished in $(( $(date +%s) - start )) s"
ls "$work/slices/logs"
for i in 0 1 2 3; do
  grep -q "wrote" "$work/slices/logs/"asanasim-*_"$i".out || fail "task $i log says nothing was written"
done

# 5. Merge and compare with one run of the same 4 orgs.
"$root/scripts/shard-merge.sh" --out-dir "$work/slices" --shards 4 --out "$work/merged.sqlite" --bin "$bin" >/dev/null
"$bin" generate --quiet --seed 11 --orgs 4 "${world[@]}" --out "$work/single.sqlite"
merged=$("$bin" hash "$work/merged.sqlite" | tail -1)
single=$("$bin" hash "$work/single.sqlite" | tail -1)
echo "merged: $merged"
echo "single: $single"
[[ "$merged" == "$single" ]] || fail "merged and single-run hashes differ"

# 6. Resubmitting finds nothing to do.
again=$("$root/scripts/shard-submit.sh" --mode slices --shards 4 --orgs 4 --base-seed 11 --out-dir "$work/slices" \
          --bin "$bin" -- "${world[@]}")
echo "$again"
[[ "$again" == *"complete and verified"* ]] || fail "resubmission did not skip the verified shards"
echo "1 passed, 0 failed"
