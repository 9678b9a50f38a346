"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SigningKeys = void 0;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const common_1 = require("@nestjs/common");
const config_1 = require("../../config/src/index.js");
const documents_1 = require("../../documents/src/index.js");
let SigningKeys = class SigningKeys {
    kid;
    privateKey;
    publicKeys;
    constructor(config) {
        this.privateKey = (0, documents_1.loadSigningKey)(signingKeyText(config));
        this.kid = (0, documents_1.keyIdOf)(this.privateKey);
        this.publicKeys = new Map([[this.kid, (0, node_crypto_1.createPublicKey)(this.privateKey)]]);
    }
    jwks() {
        return (0, documents_1.publicJwkSet)([...this.publicKeys].map(([kid, publicKey]) => ({ kid, publicKey })));
    }
};
exports.SigningKeys = SigningKeys;
exports.SigningKeys = SigningKeys = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [config_1.AppConfig])
], SigningKeys);
function signingKeyText(config) {
    if (config.LICENSE_SIGNING_KEY)
        return config.LICENSE_SIGNING_KEY;
    if (config.LICENSE_SIGNING_KEY_FILE)
        return (0, node_fs_1.readFileSync)(config.LICENSE_SIGNING_KEY_FILE, 'utf8');
    const devKeyPath = (0, node_path_1.join)(config.STORAGE_DIR, 'keys', 'development-signing-key.pem');
    if (!(0, node_fs_1.existsSync)(devKeyPath)) {
        (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(devKeyPath), { recursive: true });
        try {
            (0, node_fs_1.writeFileSync)(devKeyPath, (0, documents_1.generateDevelopmentKeyPair)().privateKeyPem, { mode: 0o600, flag: 'wx' });
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
    }
    return (0, node_fs_1.readFileSync)(devKeyPath, 'utf8');
}
