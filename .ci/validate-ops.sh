#!/usr/bin/env bash
# Validates the ops files: docker-compose.yml, Prometheus config/rules/rule tests, Alertmanager config,
# the Grafana dashboard JSON, and the XML of the feed lists and demo feeds.
# A check whose tool is not installed is SKIPPED with a message; any failing check makes the exit status 1.
# Tools: docker-compose (or `docker compose`), promtool (Debian: prometheus), amtool (prometheus-alertmanager),
#        python3, xmllint (libxml2-utils).
set -u
cd "$(dirname "$0")/.." || exit 2

failed=0
skipped=0
passed=0

run() { # run NAME CMD...
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then
    echo "PASS  $name"
    passed=$((passed + 1))
  else
    echo "FAIL  $name"
    printf '%s\n' "$out" | sed 's/^/      /'
    failed=$((failed + 1))
  fi
}

skip() {
  echo "SKIP  $1 ($2 not installed)"
  skipped=$((skipped + 1))
}

# docker-compose.yml (no Docker engine needed for `config`)
if command -v docker-compose > /dev/null 2>&1; then
  run "docker-compose config" docker-compose -f docker-compose.yml config -q
elif command -v docker > /dev/null 2>&1 && docker compose version > /dev/null 2>&1; then
  run "docker compose config" docker compose -f docker-compose.yml config -q
else
  skip "docker-compose config" "docker-compose"
fi

# Prometheus: rule_files paths are relative to prometheus.yml, so check it in place.
if command -v promtool > /dev/null 2>&1; then
  run "promtool check config" promtool check config config/prometheus/prometheus.yml
  run "promtool check rules" promtool check rules config/prometheus/rules.yml
  run "promtool test rules" promtool test rules config/prometheus/rules.test.yml
else
  skip "promtool check config / check rules / test rules" "promtool"
fi

if command -v amtool > /dev/null 2>&1; then
  run "amtool check-config" amtool check-config config/alertmanager/alertmanager.yml
else
  skip "amtool check-config" "amtool"
fi

if command -v python3 > /dev/null 2>&1; then
  for f in config/grafana/dashboards/*.json; do
    run "json $f" python3 -m json.tool "$f"
  done
else
  skip "dashboard JSON" "python3"
fi

if command -v xmllint > /dev/null 2>&1; then
  for f in config/feeds.opml config/demo/*.opml config/demo/*.xml config/demo/*.atom; do
    [ -e "$f" ] || continue
    run "xmllint $f" xmllint --noout "$f"
  done
else
  skip "feed XML" "xmllint"
fi

echo "validate-ops: passed=$passed failed=$failed skipped=$skipped"
[ "$failed" -eq 0 ]
