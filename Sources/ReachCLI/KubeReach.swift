import ArgumentParser

/// The `kube-reach` root command.
public struct KubeReach: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kube-reach",
        abstract: "Offline Kubernetes access and reachability analysis: RBAC, NetworkPolicy, attack paths.",
        discussion: """
        Reads manifests, `kubectl get -o yaml|json` dumps and `az aks show` JSON; only `collect` talks to a cluster (through kubectl).
        Exit codes: 0 = ran, nothing at or above --fail-on; 1 = findings at or above it; 2 = usage or input error.
        """,
        version: "0.1.0",
        subcommands: [InventoryCommand.self, ReachCommand.self, CanICommand.self, WhoCanCommand.self, AccessCommand.self,
                      QueryCommand.self, PathsCommand.self, AuditCommand.self, RenderCommand.self, ReportCommand.self,
                      CollectCommand.self, DiffCommand.self, AzureAccessCommand.self]
    )

    public init() {}
}
