"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
const SCENARIOS = {
    issue: () => Promise.resolve().then(() => __importStar(require('./issue.bench'))).then((m) => m.issueBenchmark()),
    inbox: () => Promise.resolve().then(() => __importStar(require('./inbox.bench'))).then((m) => m.inboxBenchmark()),
};
async function main() {
    const name = process.argv[2];
    const names = name ? [name] : Object.keys(SCENARIOS);
    if (name && !SCENARIOS[name])
        throw new Error(`no benchmark named ${name}; known: ${Object.keys(SCENARIOS).join(', ') || 'none yet'}`);
    for (const scenario of names)
        await SCENARIOS[scenario]();
    if (names.length === 0)
        console.log('no benchmark scenarios yet');
}
main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
