import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * zod/mini ships no messages of its own ("Invalid input" for everything); config and content
 * errors show zod's words to whoever runs the bot, so they get classic zod's English ones. Only
 * this one locale: the package's index of them would pull in every language.
 *
 * Every src/ module takes zod as `import * as z from "zod/mini"`, not `import { z }`: esbuild drops
 * what a namespace import does not use, but not from the `z` object, which keeps all of zod/mini,
 * its core and all 60 locales (568 KB of the bundle instead of 76 KB).
 */
z.config(en());
