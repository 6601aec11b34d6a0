// The pack's entry point, which the Pulumi CLI runs: serves the policies to the engine.
import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./policies";

new PolicyPack(packName, { policies });
