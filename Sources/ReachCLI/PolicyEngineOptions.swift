import ArgumentParser
import ReachKit
import ReachModel

extension PolicyEngineKind: ExpressibleByArgument {}

/// `--policy-engine none|kubernetes|calico|cilium`: which policy semantics the cluster enforces.
/// Without it, the AKS cluster document (`--aks`) decides; without that, Kubernetes NetworkPolicy.
struct PolicyEngineOptions: ParsableArguments {
    @Option(name: .customLong("policy-engine"),
            help: ArgumentHelp("Policy engine the cluster enforces: none, kubernetes, calico or cilium (default: from --aks networkProfile, else kubernetes).",
                               valueName: "engine"))
    var engine: PolicyEngineKind?

    /// The engine in force: `--policy-engine`, else the cluster's, else the implicit default.
    func choice(cluster: AKSCluster?) -> PolicyEngineChoice {
        if let engine { return PolicyEngineChoice(engine: engine, reason: "--policy-engine \(engine.rawValue)") }
        if let cluster { return PolicyEngineChoice(cluster: cluster) }
        return .implicitDefault
    }
}
