// ESLint flat config: strict TypeScript, React hooks, and the import arrows of STYLE.md made real.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const outside = (folders) =>
  folders.map((f) => ({
    group: [`**/${f}/**`, `**/${f}`],
    message: `this folder may not import from src/${f} (see STYLE.md)`,
  }));

const componentPatterns = [
  {
    group: ['**/nn/*', '!**/nn/types', '!**/nn/model-file'],
    message: 'components never call src/nn maths directly (types only)',
  },
  ...outside(['worker', 'storage']),
];

// Charts and formulas are most of a place's weight; the landing page and the store it starts never carry them.
const landingHeavy = [
  {
    group: ['recharts', 'recharts/*', 'katex', 'katex/*'],
    message: 'only the Train and Inspect places load this',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'build', 'coverage', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['src/nn/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside(['data', 'worker', 'state', 'components', 'io', 'storage']),
            { group: ['react', 'react-dom', 'comlink', 'zustand'], message: 'src/nn is pure maths' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside(['worker', 'state', 'components', 'io', 'storage']),
            { group: ['react', 'react-dom', 'zustand'], message: 'src/data is pure' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside(['state', 'components', 'storage']),
            { group: ['react', 'react-dom', 'zustand'], message: 'the worker knows nothing of React' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/io/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside(['data', 'worker', 'state', 'components', 'storage']),
            { group: ['react', 'react-dom', 'zustand'], message: 'src/io is pure' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside(['worker', 'state', 'components']),
            { group: ['react', 'react-dom', 'zustand'], message: 'src/storage is not UI' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/service-worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside(['nn', 'data', 'worker', 'state', 'components', 'io', 'storage']),
            {
              group: ['react', 'react-dom', 'zustand'],
              message: 'the service worker knows nothing of the app',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...outside(['components']), ...landingHeavy] }],
    },
  },
  {
    files: ['src/components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: componentPatterns }],
    },
  },
  {
    // What the landing place (Draw) loads with the first download: the other places come through import().
    files: ['src/components/App.tsx', 'src/components/draw/**', 'src/components/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...componentPatterns,
            ...landingHeavy,
            ...['train', 'inspect', 'models'].map((f) => ({
              group: [`**/${f}/**`],
              message: `the ${f} place loads on first visit: import() it (see App.tsx), or move the shared helper out`,
            })),
          ],
        },
      ],
    },
  },
  prettier,
);
