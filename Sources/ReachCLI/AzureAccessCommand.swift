import ArgumentParser
import ReachModel
import ReachKit
import ReachReports

/// `kube-reach azure-access PRINCIPAL --azure DIR`: an Azure principal's effective access to the cluster.
struct AzureAccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "azure-access",
        abstract: "Show an Azure principal's access to an AKS cluster: Kubernetes identity, Azure RBAC, identity edges.",
        discussion: """
        PRINCIPAL is AzureUser:<object id or UPN>, AzureGroup:<object id>, AzureServicePrincipal:<object id>
        or ManagedIdentity:<name>. Shows the Kubernetes identity Entra ID gives it and that identity's
        Kubernetes RBAC (with -f), the Azure RBAC for Kubernetes assignments acting on the cluster, and
        the identity edges of docs/azure.md (cluster admin credential, admin groups, Key Vault
        secrets, registries, workload identity). Exit codes: 0 answered; 2 usage or input error
        (including an unknown principal).
        """
    )

    @Argument(help: ArgumentHelp("AzureUser:ID|UPN, AzureGroup:ID, AzureServicePrincipal:ID or ManagedIdentity:NAME.", valueName: "principal"))
    var principal: String
    @OptionGroup var azure: AzureOptions
    @Option(name: [.customShort("f"), .customLong("input")],
            help: ArgumentHelp("Kubernetes manifests (file, directory or -), repeatable; optional.", valueName: "path"))
    var inputs: [String] = []
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func validate() throws {
        if azure.directory == nil { throw ValidationError("azure-access needs --azure DIR") }
        if AzurePrincipalRef(parsing: principal) == nil {
            throw ValidationError("expected AzureUser:ID, AzureGroup:ID, AzureServicePrincipal:ID or ManagedIdentity:NAME, got '\(principal)'")
        }
    }

    func run() throws {
        guard let analysis = azure.load() else { throw ExitCode(2) }
        guard let oid = analysis.objectID(of: principal) else {
            Output.writeError(DiagnosticsFormatter.text(analysis.diagnostics.filter { $0.severity == .error })
                + "error: \(principal) is not in the --azure folder (role assignments, group members or identities)\n")
            throw ExitCode(2)
        }
        let session = AnalysisSession.load(paths: inputs)
        let report = analysis.access(oid, index: session.rbac(), snapshot: session.snapshot)
        Output.write(output == .json ? AzureFormatter.accessJSON(report, analysis: analysis) : AzureFormatter.accessText(report, analysis: analysis))
        if !inputs.isEmpty { try LoadErrors.finish(session.snapshot) }
        try AzureOptions.finish(analysis)
    }
}
