import Foundation
import ReachModel

/// What `kube-reach collect` reads and where it writes.
public struct CollectOptions: Sendable {
    /// The folder the files go to (created when missing).
    public var directory: URL
    /// `kubectl` (the default, looked up on `PATH`) or a path to it.
    public var kubectl: String
    public var context: String?
    public var kubeconfig: String?
    /// `--aks RESOURCE-GROUP/NAME`: also `az aks show` into `aks.json`.
    public var aks: (resourceGroup: String, name: String)?
    /// `az` (looked up on `PATH`) or a path to it.
    public var az: String
    /// The environment subprocesses get and `PATH` lookups use; `nil` = this process's.
    public var environment: [String: String]?
    /// What is collected (every modelled kind unless a test narrows it).
    public var targets: [CollectTarget]

    public init(directory: URL, kubectl: String = "kubectl", context: String? = nil, kubeconfig: String? = nil,
                aks: (resourceGroup: String, name: String)? = nil, az: String = "az",
                environment: [String: String]? = nil, targets: [CollectTarget] = CollectTarget.all) {
        self.directory = directory
        self.kubectl = kubectl
        self.context = context
        self.kubeconfig = kubeconfig
        self.aks = aks
        self.az = az
        self.environment = environment
        self.targets = targets
    }

    /// kubectl's connection flags, passed before `get`.
    var connectionArguments: [String] {
        (kubeconfig.map { ["--kubeconfig", $0] } ?? []) + (context.map { ["--context", $0] } ?? [])
    }
}

/// One step of a collection, reported as it finishes.
public enum CollectEvent: Sendable {
    /// `name` (a kind, or `AKS cluster`) was written to `file` with `count` objects.
    case written(name: String, count: Int, seconds: Double, file: URL)
    case failed(CollectFailure, seconds: Double)
}

/// A kind (or the AKS cluster) that could not be collected. Its file is not written (and a file
/// of that name left by an earlier run is removed, so it is not analysed as current).
public struct CollectFailure: Error, Sendable {
    /// The kind, e.g. `Secret`, or `AKS cluster`.
    public var name: String
    /// The command line that failed (program name and arguments).
    public var command: [String]
    /// What went wrong, e.g. `kubectl exited with status 1`.
    public var reason: String
    /// The program's standard error (untrusted text; escape it before printing).
    public var stderr: String
}

/// What a collection wrote and what failed.
public struct CollectResult: Sendable {
    public var files: [URL] = []
    public var objects = 0
    public var failures: [CollectFailure] = []
}

/// A problem that stops `collect` before anything is read.
public struct CollectSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Reads a live cluster with `kubectl` (and `az`) into one JSON file per modelled kind.
///
/// Kinds are read one after another (`kubectl get RESOURCE [--all-namespaces] -o json
/// --show-managed-fields=false`). A kind that fails (forbidden, not served, bad output) does not
/// stop the run: the others are still written, the failure is reported, and the caller ends with
/// exit code 2. Secrets are reduced to metadata in memory before their file is written.
public enum ClusterCollector {
    /// Collects every target of `options` into `options.directory`, calling `progress` after
    /// each one. Throws only when nothing can be collected (no kubectl, no output folder).
    /// - Complexity: one `kubectl` run per kind; O(n log n) per kind in its object count.
    public static func collect(_ options: CollectOptions, progress: (CollectEvent) -> Void) throws(CollectSetupError) -> CollectResult {
        let environment = options.environment ?? ProcessInfo.processInfo.environment
        guard let kubectl = ProcessRunner.locate(options.kubectl, environment: environment) else {
            throw CollectSetupError(description: options.kubectl.contains("/")
                ? "kubectl not found: \(options.kubectl) is not an executable file"
                : "\(options.kubectl) not found on PATH; install kubectl or pass --kubectl PATH")
        }
        do {
            try FileManager.default.createDirectory(at: options.directory, withIntermediateDirectories: true)
        } catch {
            throw CollectSetupError(description: "cannot create \(options.directory.path): \(error.localizedDescription)")
        }
        var result = CollectResult()
        for target in options.targets {
            let arguments = target.kubectlArguments(connection: options.connectionArguments)
            step(name: target.kind.rawValue, file: target.fileName, program: kubectl, displayName: options.kubectl,
                 arguments: arguments, options: options, into: &result, progress: progress) { output throws(CollectedList.Problem) in
                try CollectedList.document(from: output, kind: target.kind)
            }
        }
        if let aks = options.aks {
            let arguments = ["aks", "show", "-g", aks.resourceGroup, "-n", aks.name, "-o", "json"]
            if let az = ProcessRunner.locate(options.az, environment: environment) {
                step(name: "AKS cluster", file: "aks.json", program: az, displayName: options.az, arguments: arguments,
                     options: options, into: &result, progress: progress) { output throws(CollectedList.Problem) in
                    (try CollectedList.aksDocument(from: output), 1)
                }
            } else {
                let failure = CollectFailure(name: "AKS cluster", command: [options.az] + arguments,
                                             reason: "\(options.az) not found on PATH; install the Azure CLI", stderr: "")
                removeStale("aks.json", in: options.directory)
                result.failures.append(failure)
                progress(.failed(failure, seconds: 0))
            }
        }
        return result
    }

    /// Runs one command, converts its output and writes the file, or records the failure.
    /// - Complexity: O(output size) plus what `convert` costs.
    private static func step(name: String, file: String, program: String, displayName: String, arguments: [String],
                             options: CollectOptions, into result: inout CollectResult, progress: (CollectEvent) -> Void,
                             convert: (Data) throws(CollectedList.Problem) -> (data: Data, count: Int)) {
        let start = DispatchTime.now()
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
        func fail(_ reason: String, stderr: String = "") {
            let failure = CollectFailure(name: name, command: [displayName] + arguments, reason: reason, stderr: stderr)
            removeStale(file, in: options.directory)
            result.failures.append(failure)
            progress(.failed(failure, seconds: seconds()))
        }
        let output: ProcessOutput
        do {
            output = try ProcessRunner.run(program, arguments, environment: options.environment)
        } catch {
            return fail("cannot run \(program): \(error.localizedDescription)")
        }
        let stderr = String(decoding: output.stderr, as: UTF8.self)
        guard output.succeeded else { return fail("\(displayName) \(output.statusText)", stderr: stderr) }
        let converted: (data: Data, count: Int)
        do {
            converted = try convert(output.stdout)
        } catch {
            return fail(error.description, stderr: stderr)
        }
        let url = options.directory.appendingPathComponent(file)
        do {
            try converted.data.write(to: url, options: .atomic)
        } catch {
            return fail("cannot write \(url.path): \(error.localizedDescription)")
        }
        result.files.append(url)
        result.objects += converted.count
        progress(.written(name: name, count: converted.count, seconds: seconds(), file: url))
    }

    /// Removes `file` of an earlier run, so a kind that failed now is not analysed from old data.
    private static func removeStale(_ file: String, in directory: URL) {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(file))
    }
}
