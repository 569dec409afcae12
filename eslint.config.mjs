// ESLint configuration used by office-addin-lint (npm run lint): the office-addins recommended
// rules and Prettier, as in office-addin-lint's bundled configuration, with the two changes
// typescript-eslint advises for TypeScript: `no-undef` off (the compiler already rejects undefined
// names and knows the DOM, Node and Office.js globals), and the base `no-unused-vars` off in favour
// of @typescript-eslint/no-unused-vars from the recommended rules (the base rule flags parameter
// names inside function types).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "no-undef": "off",
      "no-unused-vars": "off",
    },
  },
];
