import ArgumentParser
import AttackGraph
import RBACEngine
import ReachKit
import ReachModel
import ReachReports

extension PathsCommand {
    /// `paths --from internet|Pod:|Node:|SUBJECT --to REQUEST|node|Node:n` and
    /// `paths --to-admin --footholds` on the foothold graph (footholds.md).
    func runFootholds() throws {
        let session = input.session()
        let index = session.rbac(mastersBypass: !noMasters)
        let assume = !noAssumeExploitable
        if toAdmin {
            let graph = session.analyzer.footholdGraph(index: index, reach: session.networkReach())
            let goal = FootholdGoal.request(AttackGraph.adminGoal)
            let holders = graph.transitiveHolders(of: goal, assumeExploitable: assume)
            switch output {
            case .text: Output.write(FootholdHoldersFormatter.text(holders, goal: goal, graph: graph, title: "Can become cluster-admin-equivalent"))
            case .json: Output.write(FootholdHoldersFormatter.json(holders, goal: goal, graph: graph))
            case .dot, .svg, .png, .pdf:
                throw ValidationError("--to-admin --footholds draws no graph; use -o text or json, or paths --from … -o svg")
            }
            return try LoadErrors.finish(session.snapshot)
        }
        let goal = try GoalParser.parseFoothold(to ?? "")
        let text = from ?? ""
        let start: FootholdState
        var starts: [AttackState] = []
        if let f = FootholdState.parse(text) {
            start = f
        } else {
            let principal = try RBACCommandSupport.principal(text, allowGroup: true)
            let s = AttackGraph.start(principal, groups: groups.isEmpty ? nil : AttackState(principal).identity.groups + groups)
            starts = [s]
            start = .identity(s)
        }
        let graph = session.analyzer.footholdGraph(index: index, reach: session.networkReach(), starts: starts)
        if graph.id(of: start) == nil { throw ValidationError("--from: \(text) is not in the input (no such pod or node)") }
        let report = graph.report(from: start, to: goal, assumeExploitable: assume, admission: try admission())
        switch output {
        case .text: Output.write(FootholdFormatter.pathText(report))
        case .json: Output.write(FootholdFormatter.pathJSON(report))
        case .dot, .svg, .png, .pdf:
            let format: GraphFormat = output == .dot ? .dot : output == .png ? .png : output == .pdf ? .pdf : .svg
            try GraphEmitter.emit(FootholdPathDot.document(report), format: format, to: outFile)
        }
        try LoadErrors.finish(session.snapshot)
    }

    /// The admission note of `--aks`: the Azure Policy add-on (`addonProfiles.azurepolicy.enabled`)
    /// runs admission policies the input does not hold (exit 2 when the document cannot be read).
    func admission() throws -> FootholdAdmission {
        guard let aks else { return .none }
        let loaded = Analyzer.loadAKSCluster(path: aks)
        guard let cluster = loaded.cluster else { throw ExitCode.inputError(loaded.diagnostics.map(\.description).joined(separator: "\n")) }
        return cluster.bool("addonProfiles.azurepolicy.enabled") == true ? .azurePolicy : .none
    }
}
