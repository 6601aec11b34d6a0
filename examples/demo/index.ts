// The program `pulumi up` runs in the repository root (see Pulumi.yaml).
import { demo } from "./program";

module.exports = demo();
