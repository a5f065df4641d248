/** Keys: DES/3DES/SM4 keys with check values, working-key download in field 62 under the TMK, key generation, keys sealed at rest under a master key. */
package io.shoudan.iso8583.key;
