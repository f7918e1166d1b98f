import ArgumentParser
import RBACEngine
import ReachKit
import ReachReports

/// `kube-reach who-can`: every subject allowed a request.
struct WhoCanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: "List every subject allowed a request, with the binding and role that grant it.",
        discussion: """
        Subjects are those named in bindings in scope (all ClusterRoleBindings, plus RoleBindings of
        -n NS) and every ServiceAccount in the input whose identity is allowed (through
        system:serviceaccounts[:NS] or system:authenticated), sorted; Group:system:masters is always
        included unless --no-masters. Exit codes: 0 answered; 2 usage or input error.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var request: RequestArguments
    @OptionGroup var options: RBACOutputOptions

    func run() throws {
        let analyzer = input.analyzer()
        let index = analyzer.rbac(mastersBypass: !options.noMasters)
        let answer = index.whoCan(request.request)
        Output.write(options.output == .json ? RBACJSONFormatter.whoCan(answer, index: index, diagnostics: index.diagnostics)
                                             : RBACTextFormatter.whoCan(answer, index: index, diagnostics: index.diagnostics))
        try RBACCommandSupport.finish(analyzer)
    }
}
