import Foundation
import ReachCLI

exit(KubeReach.run(Array(CommandLine.arguments.dropFirst())))
