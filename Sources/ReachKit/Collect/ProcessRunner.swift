import Foundation

/// What a finished subprocess left: exit status and everything it wrote.
public struct ProcessOutput: Sendable {
    public var status: Int32
    /// Whether `status` is a signal number (the process was killed) rather than an exit code.
    public var signalled: Bool
    public var stdout: Data
    public var stderr: Data

    public var succeeded: Bool { !signalled && status == 0 }

    /// `exited with status 1` / `was killed by signal 9`.
    public var statusText: String { signalled ? "was killed by signal \(status)" : "exited with status \(status)" }
}

/// Runs a program with Foundation's `Process` and collects its output in memory.
///
/// Standard output and standard error are separate pipes read at the same time (standard error
/// on a second thread), so a program that fills one pipe while the other is being read cannot
/// deadlock, however large either output. Standard output is kept in memory, never in a temporary
/// file: for `collect` it holds Secret values until they are stripped. Standard input is
/// `/dev/null`: Foundation starts the program in its own process group, where reading the terminal
/// would stop it (SIGTTIN) and hang the run; a credential plugin that needs input fails instead,
/// with its message.
enum ProcessRunner {
    /// Runs `executable` with `arguments`; `environment` replaces the inherited one when given.
    /// Throws only when the program cannot be started.
    /// - Complexity: O(output size) memory; blocks until the program exits and both pipes close.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]?) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // waitUntilExit() polls every 50 ms; the termination handler ends the wait at once.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()  // closes the parent's copies of the pipes' write ends

        let stderrData = DataBox()
        let done = DispatchSemaphore(value: 0)
        let errReader = err.fileHandleForReading
        DispatchQueue.global().async {
            stderrData.set((try? errReader.readToEnd()) ?? Data())
            done.signal()
        }
        let stdoutData = (try? out.fileHandleForReading.readToEnd()) ?? Data()
        done.wait()
        exited.wait()
        try? out.fileHandleForReading.close()
        try? errReader.close()
        return ProcessOutput(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                             stdout: stdoutData, stderr: stderrData.value)
    }

    /// The executable `name` resolves to: itself when it contains a `/`, else the first
    /// executable file of that name in the `PATH` of `environment`; `nil` when there is none.
    /// - Complexity: O(PATH entries) file-system checks.
    static func locate(_ name: String, environment: [String: String]) -> String? {
        let fm = FileManager.default
        if name.contains("/") { return fm.isExecutableFile(atPath: name) && !isDirectory(name) ? name : nil }
        for dir in (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(dir)/\(name)"
            if fm.isExecutableFile(atPath: candidate), !isDirectory(candidate) { return candidate }
        }
        return nil
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

/// Data handed from the standard-error reader thread.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    var value: Data { lock.withLock { data } }
}
