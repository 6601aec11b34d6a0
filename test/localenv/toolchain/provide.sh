# How install.sh (which sets $cache, log and die) provides a tool: one builder per tool in
# the cache, and a build that stops at its first failed step.
# The cache is per user, so several runs on one machine share it (two clones' tests, a
# test run beside the demo): a run that finds another building a tool waits for that
# build and reuses it. flock's locks go away with the process that holds them, so a
# killed build leaves no stale lock behind.

# provide_tool KEY DONE BUILD...: runs BUILD... (a command and its arguments, in a
# subshell) unless the file DONE exists, holding $cache/locks/KEY.lock meanwhile. KEY
# names what BUILD... writes (the tool's folder in $cache/tools); DONE appears only when
# that build is complete.
provide_tool() {
  local key=$1 done=$2
  shift 2
  # A finished build is only read, so a warm run takes no lock and prints nothing.
  [ -e "$done" ] && return 0
  mkdir -p "$cache/locks"
  (
    local waited=false
    if ! flock -n 9; then
      log "$key: waiting for another run, which is building it"
      flock 9
      waited=true
    fi
    if [ -e "$done" ]; then
      if $waited; then log "$key: reusing what the other run built"; fi
      exit 0
    fi
    # The build's own processes do not inherit the lock: one left running must not hold it.
    "$@" 9>&-
  ) 9>"$cache/locks/$key.lock"
}

# run_logged NAME BUILD_FN: runs the build function, logging to a file and reporting the
# elapsed time; the build function moves its outputs into place last, so a failed step
# must stop it. Bash ignores -e inside an `if` or `||`, so the function runs in a
# subshell of its own with -e set, and its status is taken afterwards.
run_logged() {
  local name=$1 status=0
  shift
  local logfile="$cache/logs/$name.log" start=$SECONDS
  log "$name: building (log: $logfile)"
  set +e
  (set -e; "$@") >"$logfile" 2>&1
  status=$?
  set -e
  if [ "$status" -ne 0 ]; then
    tail -n 30 "$logfile" >&2
    die "$name: build failed, see $logfile"
  fi
  log "$name: built in $((SECONDS - start))s"
}
