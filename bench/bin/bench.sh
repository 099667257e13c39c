#!/bin/sh
# Fan-out and idle open thousands of sockets (server and client processes inherit this):
# lift the soft limit on open files to the hard one before starting the runner.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec node "$(dirname "$0")/../src/cli.ts" "$@"
