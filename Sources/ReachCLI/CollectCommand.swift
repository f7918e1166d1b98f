import ArgumentParser
import Foundation
import ReachKit
import ReachReports

/// `kube-reach collect`: reads a live cluster with kubectl into one JSON file per modelled kind.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Read a live cluster with kubectl into a folder that every other command reads with -f.",
        discussion: """
        Runs `kubectl get RESOURCE --all-namespaces -o json --show-managed-fields=false` (no \
        --all-namespaces for cluster-scoped kinds) for each kind kube-reach models: \
        \(CollectTarget.all.map(\.resource).joined(separator: ", ")). \
        Writes DIR/<Kind>.json per kind (a `kind: List`, items sorted by \
        namespace and name, keys sorted). Resources are group-qualified, so a same-named custom \
        resource (Calico's NetworkPolicy) is never read instead. \
        kubectl does the connecting, so every kubeconfig, context and credential plugin works (AKS: \
        kubelogin). It gets no standard input, and its standard error is captured and shown when a \
        kind fails: when the credential plugin signs in interactively (kubelogin devicecode, a \
        password prompt), sign in first, e.g. with `kubectl get namespaces`.

        Secrets are read as metadata only: `data`, `stringData`, managed fields and the \
        kubectl.kubernetes.io/last-applied-configuration annotation (which can embed the values) \
        are removed in memory before anything is written; no value reaches a file or a message.

        --aks RESOURCE-GROUP/NAME also runs `az aks show -g RESOURCE-GROUP -n NAME -o json` into \
        DIR/aks.json (the cluster configuration `audit` checks). The other az outputs of the AKS \
        identity layer (role assignments, managed identities) are not collected yet.

        Progress goes to standard error, one line per kind (objects, seconds). A kind that fails \
        (forbidden, not served by this cluster) does not stop the run: the other files are \
        written, the failed kind's file is not (one left by an earlier run is removed), every \
        failure is listed with kubectl's message, and the exit code is 2.
        Then: kube-reach inventory -f DIR (and any other command with -f DIR).
        Exit codes: 0 every kind written; 2 kubectl missing, a kind failed, or a usage error.
        """
    )

    /// The environment for kubectl/az and their `PATH` lookup; `nil` = this process's (tests
    /// set it to put fakes first on `PATH`).
    @TaskLocal static var environment: [String: String]?

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("The folder to write (created when missing; files of the same names are replaced).", valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("The kubeconfig context to use (passed to kubectl).", valueName: "name"))
    var context: String?

    @Option(help: ArgumentHelp("The kubeconfig file to use (passed to kubectl).", valueName: "path"))
    var kubeconfig: String?

    @Option(help: ArgumentHelp("The kubectl to run (default: kubectl on PATH).", valueName: "path"))
    var kubectl: String?

    @Option(help: ArgumentHelp("Also write the AKS cluster configuration (`az aks show`) to DIR/aks.json.",
                               valueName: "resource-group/name"))
    var aks: String?

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output DIR must not be empty") }
        if aks != nil, aksName == nil { throw ValidationError("--aks must be RESOURCE-GROUP/NAME") }
    }

    /// `--aks RG/NAME` split at the one `/`.
    var aksName: (resourceGroup: String, name: String)? {
        guard let aks else { return nil }
        let parts = aks.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    func run() throws {
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let options = CollectOptions(directory: directory, kubectl: kubectl ?? "kubectl", context: context, kubeconfig: kubeconfig,
                                     aks: aksName, environment: Self.environment)
        let result: CollectResult
        do {
            result = try ClusterCollector.collect(options) { Output.writeError(Self.progressLine($0)) }
        } catch {
            throw ExitCode.inputError(error.description)
        }
        let folder = SafeText.terminal(output)
        Output.write("Collected \(result.objects) objects into \(result.files.count) files in \(folder). "
            + "Next: kube-reach inventory -f \(folder)\n")
        guard !result.failures.isEmpty else { return }
        throw ExitCode.inputError(Self.failureReport(result.failures, total: options.targets.count + (aksName == nil ? 0 : 1)))
    }

    /// `Pod: 12 objects (0.31 s)` / `Secret: FAILED, kubectl exited with status 1 (0.02 s)`.
    static func progressLine(_ event: CollectEvent) -> String {
        switch event {
        case .written(let name, let count, let seconds, _):
            "\(name): \(count) object\(count == 1 ? "" : "s") (\(String(format: "%.2f", seconds)) s)\n"
        case .failed(let failure, let seconds):
            "\(failure.name): FAILED, \(SafeText.terminal(failure.reason)) (\(String(format: "%.2f", seconds)) s)\n"
        }
    }

    /// Every failure: the kind, the command line, the reason and kubectl's standard error
    /// (escaped for the terminal, at most the last 20 lines), without the final newline.
    /// - Complexity: O(total length of the failures' standard error).
    static func failureReport(_ failures: [CollectFailure], total: Int) -> String {
        var text = "\(failures.count) of \(total) could not be collected (\(failures.map(\.name).joined(separator: ", "))); "
            + "the other files were written.\n"
        for failure in failures {
            text += "  \(SafeText.terminal(failure.name)): \(SafeText.terminal(failure.reason))\n"
            text += "    command: \(failure.command.map { SafeText.terminal($0) }.joined(separator: " "))\n"
            let lines = failure.stderr.split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if lines.count > 20 { text += "    (\(lines.count - 20) earlier lines of standard error left out)\n" }
            for line in lines.suffix(20) { text += "    \(SafeText.terminal(line))\n" }
        }
        return String(text.dropLast())  // ExitCode.inputError ends the line
    }
}
