# Sourced by ./stack and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Keeps a suitable JAVA_HOME or `java` on the PATH; otherwise picks the newest JDK >= 21 it can find.

java_major() { # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1 || echo 0
}

select_jdk() {
  local candidate best="" best_version=0 version
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/openjdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$candidate/bin/javac" ] || continue
    version=$(java_major "$candidate/bin/java")
    if [ "${version:-0}" -ge 21 ] 2>/dev/null && [ "$version" -gt "$best_version" ]; then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found. Install one (e.g. Temurin 21) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
