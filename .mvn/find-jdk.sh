# Sourced by ./tessel and ./mvnw: sets JAVA_HOME to a JDK 25 or newer, or stops with one line.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
tessel_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  local d restore_noglob=
  # mvnw runs with globbing off (set -f); the search below needs it.
  case $- in *f*) restore_noglob=1; set +f ;; esac
  for d in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    if [ -x "$d/bin/javac" ] && [ "$(java_major "$d")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$d"
      [ -z "$restore_noglob" ] || set -f
      return 0
    fi
  done
  [ -z "$restore_noglob" ] || set -f
  echo "Tessel needs a JDK 25 or newer: install one (e.g. Temurin 25) or point JAVA_HOME at it." >&2
  return 1
}
tessel_find_jdk || exit 1
