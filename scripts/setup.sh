# Sourced by scripts/start and scripts/test: installs what is missing on Debian 12, fast
# (no network, no apt) when everything is already there.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing ${missing[*]}"
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_rust() {
    [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
    if ! command -v cargo >/dev/null 2>&1; then
        apt_install curl ca-certificates
        echo "==> installing the Rust toolchain (rustup)"
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
        . "$HOME/.cargo/env"
    fi
    cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
    cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
}

ensure_build_tools() {
    # A C compiler for the bundled SQLite.
    command -v cc >/dev/null 2>&1 || apt_install build-essential
}

# PostgreSQL's server programs (initdb, pg_ctl) for the throwaway test server (scripts/pg.sh);
# Debian 12's package is version 15. Installing it may also create and start Debian's own
# cluster on port 5432: that one is left alone, and nothing here connects to it.
ensure_postgres() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_install postgresql postgresql-client
}

# What the desktop app needs to build (Tauri 2 on WebKitGTK) and to be driven in tests.
DESKTOP_PACKAGES=(build-essential curl wget file pkg-config libwebkit2gtk-4.1-dev libssl-dev
    libayatana-appindicator3-dev librsvg2-dev libxdo-dev libgtk-3-dev fonts-noto-cjk)
# poppler-utils: the document tests read PDFs back (pdftotext, pdffonts, pdfinfo).
E2E_PACKAGES=(xvfb xauth webkit2gtk-driver dbus-x11 at-spi2-core fonts-dejavu-core python3 python3-venv poppler-utils)

ensure_desktop_deps() {
    apt_install "${DESKTOP_PACKAGES[@]}"
}

# Node 18 or newer (Debian 12's own nodejs is 18) and the UI's packages from the lock file.
ensure_ui_deps() {
    local major=0
    command -v node >/dev/null 2>&1 && major=$(node -p 'process.versions.node.split(".")[0]')
    if [ "$major" -lt 18 ] || ! command -v npm >/dev/null 2>&1; then
        apt_install nodejs npm
    fi
    if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
        # `npm install`, not `npm ci`: the lock file here holds no per-platform optional
        # packages (rollup's native parts), which `npm ci` insists on; install resolves them
        # and leaves the lock file as it is.
        echo "==> npm install (ui/)"
        (cd ui && npm install --no-audit --no-fund --loglevel=error)
    fi
}

ensure_e2e_deps() {
    apt_install "${E2E_PACKAGES[@]}"
    if ! command -v tauri-driver >/dev/null 2>&1; then
        echo "==> cargo install tauri-driver"
        cargo install tauri-driver --locked --quiet
    fi
    local venv=target/e2e-venv
    if [ ! -x "$venv/bin/pytest" ] || [ tests/e2e/requirements.txt -nt "$venv/bin/pytest" ]; then
        echo "==> python venv for the end-to-end tests"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
        touch "$venv/bin/pytest"
    fi
}

# Rebuilds ui/dist only when a UI source is newer: the app embeds ui/dist, so a needless
# rebuild would also make cargo rebuild and relink the app.
build_ui() {
    local stamp=ui/dist/index.html
    if [ -f "$stamp" ] && [ -z "$(find ui/src ui/index.html ui/package.json ui/package-lock.json \
        ui/vite.config.ts ui/svelte.config.js ui/tsconfig.json -newer "$stamp" -print -quit)" ]; then
        return 0
    fi
    echo "==> building the UI (ui/dist)"
    (cd ui && npm run --silent build -- --logLevel warn)
}
