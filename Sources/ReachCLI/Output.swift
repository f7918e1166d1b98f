import Foundation

/// Where command output goes: standard output, or a capturing sink in tests.
enum Output {
    /// A capturing sink (tests). `nil` = standard output.
    @TaskLocal static var sink: OutputSink?

    static func write(_ text: String) {
        if let sink { sink.append(text) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// Binary output (PNG, PDF) to standard output; a capturing sink records only its size.
    static func write(data: Data) {
        if let sink { sink.append("[\(data.count) bytes of binary output]\n") } else { FileHandle.standardOutput.write(data) }
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
}

/// An output file could not be written.
struct OutputFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
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
    public static func run(_ arguments: [String], errors: (String) -> Void = {
        FileHandle.standardError.write(Data($0.utf8))
    }) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if code == 0 {
                if !message.isEmpty { Output.write(message + "\n") }  // --help, --version
                return 0
            }
            if !message.isEmpty { errors(message + "\n") }
            return code == 1 ? 1 : 2
        }
    }
}
