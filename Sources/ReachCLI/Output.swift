import ArgumentParser
import Foundation
import ReachReports

/// Where command output goes: standard output, or a capturing sink in tests.
///
/// Writes to standard output never trap: they go through POSIX `write(2)` in a loop (partial
/// writes and `EINTR` retried). The first failure (`ENOSPC` on a full disk, `EPIPE` when the
/// reader went away, `EIO`…) is recorded, later writes are skipped, and ``KubeReach/run(_:errors:)``
/// ends the command with a clear message and exit code 2.
enum Output {
    /// A capturing sink (tests). `nil` = standard output.
    @TaskLocal static var sink: OutputSink?

    static func write(_ text: String) {
        if let sink { sink.append(text) } else { StandardStream.output.write(text) }
    }

    /// UTF-8 (or other) bytes to standard output; a capturing sink records them decoded as UTF-8.
    static func write(bytes: some Sequence<UInt8>) {
        if let sink { sink.append(String(decoding: Array(bytes), as: UTF8.self)) } else { StandardStream.output.write(bytes: Array(bytes)) }
    }

    /// Binary output (PNG, PDF) to standard output; a capturing sink records only its size.
    static func write(data: Data) {
        if let sink { sink.append("[\(data.count) bytes of binary output]\n") } else { StandardStream.output.write(bytes: Array(data)) }
    }

    /// Writes `data` to `path` (`-` = standard output).
    static func write(_ data: Data, toFile path: String) throws {
        if path == "-" { return write(data: data) }
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw OutputFileError(path: path, reason: error.localizedDescription)
        }
    }

    /// Text for standard error (or the test sink), escaped for the terminal.
    static func writeError(_ text: String) {
        let safe = SafeText.terminalText(text)
        if let sink { sink.append(safe) } else { StandardStream.error.write(safe) }
    }
}

/// An output file could not be written (exit code 2).
struct OutputFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}

/// A file descriptor written with POSIX `write(2)`, remembering the first failure instead of
/// trapping (`FileHandle.write(_:)` raises an Objective-C-style exception on `ENOSPC`/`EPIPE`).
@usableFromInline
final class StandardStream: @unchecked Sendable {
    static let output = StandardStream(fd: 1, name: "standard output")
    @usableFromInline static let error = StandardStream(fd: 2, name: "standard error")

    let fd: Int32
    let name: String
    private let lock = NSLock()
    private var failure: String?

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// The first write error, e.g. `cannot write to standard output: No space left on device`.
    var failureMessage: String? { lock.withLock { failure } }

    @usableFromInline
    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(buffer: $0) }
    }

    func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write(buffer: $0) }
    }

    /// - Complexity: O(n); one `write(2)` call per kernel-accepted chunk.
    func write(buffer: UnsafeBufferPointer<UInt8>) {
        lock.withLock {
            guard failure == nil, var base = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = Foundation.write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = errno == EPIPE ? "the reader closed it (broken pipe)" : String(cString: strerror(errno))
                    failure = "cannot write to \(name): \(reason)"
                    return
                }
                left -= n
                base += n
            }
        }
    }
}

/// Collects output written during ``KubeReach/execute(_:)``.
final class OutputSink: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    func append(_ text: String) { lock.withLock { buffer += text } }
    var text: String { lock.withLock { buffer } }
}

extension KubeReach {
    /// Runs the command line `arguments` in-process, capturing output; returns it with the exit
    /// code the process would have.
    public static func execute(_ arguments: [String]) -> (output: String, exitCode: Int32) {
        let sink = OutputSink()
        let code = Output.$sink.withValue(sink) { run(arguments, errors: { sink.append($0) }) }
        return (sink.text, code)
    }

    /// The process entry point: runs `arguments`, writes help to stdout and errors to stderr, and
    /// returns the exit code of interfaces.md (0 ran, 1 findings at/above --fail-on, 2 usage or
    /// input error). ArgumentParser's own usage code (64) is mapped to 2.
    /// A failed write to standard output (full disk, closed pipe) ends the command with exit
    /// code 2 and says so on standard error; so does a failed `--out-file`/`--html` write.
    public static func run(_ arguments: [String], errors: (String) -> Void = {
        StandardStream.error.write($0)
    }) -> Int32 {
        let code = runCommand(arguments, errors: errors)
        if let failure = StandardStream.output.failureMessage {
            errors("Error: \(failure)\n")
            return 2
        }
        return code
    }

    static func runCommand(_ arguments: [String], errors: (String) -> Void) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as OutputFileError {
            errors(SafeText.terminalText("Error: \(error)\n"))
            return 2
        } catch {
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if code == 0 {
                if !message.isEmpty { Output.write(message + "\n") }  // --help, --version
                return 0
            }
            if !message.isEmpty { errors(SafeText.terminalText(message + "\n")) }
            // 1 means "findings at or above --fail-on" and is only ever thrown as ExitCode(1);
            // any other error (an unexpected throw included) is a usage or input error.
            if let exit = error as? ExitCode, exit.rawValue == 1 { return 1 }
            return 2
        }
    }
}
