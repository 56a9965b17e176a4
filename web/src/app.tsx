import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireSession } from './auth/require-session.js';
import { isAdmin, type Me, SessionProvider } from './auth/session.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/status.js';
import { LocaleProvider } from './i18n/locale-provider.js';

// Each page is its own chunk: a worker's phone never downloads the desks' pages.
const Home = lazy(() => import('./pages/home.js'));
const SignIn = lazy(() => import('./pages/sign-in.js'));
const Account = lazy(() => import('./pages/account.js'));
const WorkerHome = lazy(() => import('./pages/worker/worker-home.js'));
const ContractPage = lazy(() => import('./pages/worker/contract-page.js'));
const WagesPage = lazy(() => import('./pages/worker/wages-page.js'));
const VerifyStart = lazy(() => import('./pages/verify/verify-start.js'));
const VerifyPage = lazy(() => import('./pages/verify/verify-page.js'));
const EmployerHome = lazy(() => import('./pages/employer/employer-home.js'));
const DraftContract = lazy(() => import('./pages/employer/draft-contract.js'));
const EmployerWages = lazy(() => import('./pages/employer/employer-wages.js'));
const AgentDesk = lazy(() => import('./pages/agent/agent-desk.js'));
const AuthorityQueue = lazy(() => import('./pages/authority/authority-queue.js'));
const ContractReview = lazy(() => import('./pages/authority/contract-review.js'));
const EscalationsPage = lazy(() => import('./pages/authority/escalations-page.js'));
const ComparePage = lazy(() => import('./pages/remittances/compare-page.js'));
const ProviderPage = lazy(() => import('./pages/remittances/provider-page.js'));
const WorkerLoans = lazy(() => import('./pages/loans/worker-loans.js'));
const ApplyLoan = lazy(() => import('./pages/loans/apply-loan.js'));
const LenderDesk = lazy(() => import('./pages/loans/lender-desk.js'));
const AuthorityLoanTotals = lazy(() => import('./pages/loans/authority-totals.js'));
const WorkerCosts = lazy(() => import('./pages/recruitment/worker-costs.js'));
const RecruitmentDesk = lazy(() => import('./pages/recruitment/recruitment-desk.js'));
const AdminOrganisations = lazy(() => import('./pages/admin/admin-organisations.js'));
const AdminUsers = lazy(() => import('./pages/admin/admin-users.js'));
const AdminTokens = lazy(() => import('./pages/admin/admin-tokens.js'));
const AuthorityCompliance = lazy(() => import('./pages/authority/compliance-page.js'));
const AuthorityRules = lazy(() => import('./pages/authority/rules-page.js'));
const NotFound = lazy(() => import('./pages/not-found.js'));

const isWorker = (me: Me) => me.user?.role === 'worker';
const isKind = (...kinds: string[]) => (me: Me) => kinds.includes(me.organisation?.kind ?? '');

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter>
          <Layout>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/sign-in" element={<SignIn />} />
                <Route path="/verify" element={<VerifyStart />} />
                <Route path="/verify/:contractNo" element={<VerifyPage />} />
                <Route path="/worker" element={<RequireSession allow={isWorker}><WorkerHome /></RequireSession>} />
                <Route path="/worker/contracts/:id" element={<RequireSession allow={isWorker}><ContractPage /></RequireSession>} />
                <Route path="/worker/wages" element={<RequireSession allow={isWorker}><WagesPage /></RequireSession>} />
                <Route path="/employer" element={<RequireSession allow={isKind('employer')}><EmployerHome /></RequireSession>} />
                <Route path="/employer/contracts/new" element={<RequireSession allow={isKind('employer')}><DraftContract /></RequireSession>} />
                <Route path="/employer/contracts/:id" element={<RequireSession allow={isKind('employer')}><DraftContract /></RequireSession>} />
                <Route path="/employer/wages" element={<RequireSession allow={isKind('employer')}><EmployerWages /></RequireSession>} />
                <Route path="/agent" element={<RequireSession allow={isKind('wage_agent')}><AgentDesk /></RequireSession>} />
                <Route
                  path="/authority"
                  element={<RequireSession allow={isKind('origin_authority', 'destination_authority')}><AuthorityQueue /></RequireSession>}
                />
                <Route
                  path="/authority/contracts/:id"
                  element={<RequireSession allow={isKind('origin_authority', 'destination_authority')}><ContractReview /></RequireSession>}
                />
                <Route
                  path="/authority/escalations"
                  element={<RequireSession allow={isKind('origin_authority', 'destination_authority')}><EscalationsPage /></RequireSession>}
                />
                <Route path="/send-money" element={<ComparePage />} />
                <Route path="/provider" element={<RequireSession allow={isKind('remittance_provider')}><ProviderPage /></RequireSession>} />
                <Route path="/worker/recruitment" element={<RequireSession allow={isWorker}><WorkerCosts /></RequireSession>} />
                <Route
                  path="/recruitment"
                  element={<RequireSession allow={isKind('recruitment_agency', 'employer', 'origin_authority')}><RecruitmentDesk /></RequireSession>}
                />
                <Route path="/account" element={<RequireSession allow={() => true}><Account /></RequireSession>} />
                <Route path="/worker/loans" element={<RequireSession allow={isWorker}><WorkerLoans /></RequireSession>} />
                <Route path="/worker/loans/apply" element={<RequireSession allow={isWorker}><ApplyLoan /></RequireSession>} />
                <Route path="/lender" element={<RequireSession allow={isKind('lender')}><LenderDesk /></RequireSession>} />
                <Route path="/authority/loans" element={<RequireSession allow={isKind('origin_authority', 'destination_authority')}><AuthorityLoanTotals /></RequireSession>} />
                <Route path="/admin" element={<RequireSession allow={isAdmin}><AdminOrganisations /></RequireSession>} />
                <Route path="/admin/users" element={<RequireSession allow={isAdmin}><AdminUsers /></RequireSession>} />
                <Route path="/admin/tokens" element={<RequireSession allow={isAdmin}><AdminTokens /></RequireSession>} />
                <Route path="/authority/rules" element={<RequireSession allow={isKind('origin_authority', 'destination_authority')}><AuthorityRules /></RequireSession>} />
                <Route path="/authority/compliance" element={<RequireSession allow={isKind('origin_authority', 'destination_authority')}><AuthorityCompliance /></RequireSession>} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </Layout>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
