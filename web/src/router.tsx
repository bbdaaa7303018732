import { createBrowserRouter } from "react-router";
import { AgenciesPage } from "./features/agencies/AgenciesPage";
import { AgencyCreatePage } from "./features/agencies/AgencyCreatePage";
import { AgencyDetailPage } from "./features/agencies/AgencyDetailPage";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireAuth } from "./features/auth/RequireAuth";
import { RequirePermission } from "./features/auth/RequirePermission";
import { RequireRole } from "./features/auth/RequireRole";
import { LogPage } from "./features/log/LogPage";
import { NotFoundPage } from "./features/NotFoundPage";
import { NotificationsPage } from "./features/notifications/NotificationsPage";
import { OpeningKeyPage } from "./features/opening/OpeningKeyPage";
import { PackageCreatePage } from "./features/packages/PackageCreatePage";
import { PackageDetailPage } from "./features/packages/PackageDetailPage";
import { PackageEditPage } from "./features/packages/PackageEditPage";
import { PackagesPage } from "./features/packages/PackagesPage";
import { MailOutboxPage } from "./features/outbox/MailOutboxPage";
import { DirectResultsPage } from "./features/direct/DirectResultsPage";
import { DrillsPage } from "./features/operations/DrillsPage";
import { ArticlesPage } from "./features/helpdesk/ArticlesPage";
import { HelpPage } from "./features/helpdesk/HelpPage";
import { MonthlyReportPage } from "./features/helpdesk/MonthlyReportPage";
import { TicketCreatePage } from "./features/helpdesk/TicketCreatePage";
import { TicketPage } from "./features/helpdesk/TicketPage";
import { TicketQueuePage } from "./features/helpdesk/TicketQueuePage";
import { AssetsPage } from "./features/registers/AssetsPage";
import { ChangesPage } from "./features/registers/ChangesPage";
import { RiskPage } from "./features/registers/RiskPage";
import { RisksPage } from "./features/registers/RisksPage";
import { AccessGrantsPage } from "./features/operations-registers/AccessGrantsPage";
import { CompetencePage } from "./features/people/CompetencePage";
import { ServerRoomPage } from "./features/people/ServerRoomPage";
import { TrainingsPage } from "./features/people/TrainingsPage";
import { CapacityPage } from "./features/operations-registers/CapacityPage";
import { PatchesScansPage } from "./features/operations-registers/PatchesScansPage";
import { BudgetPage } from "./features/budget-suppliers/BudgetPage";
import { SuppliersPage } from "./features/budget-suppliers/SuppliersPage";
import { ImprovementPage } from "./features/surveys/ImprovementPage";
import { ImprovementsPage } from "./features/surveys/ImprovementsPage";
import { SurveyAnswerPage } from "./features/surveys/SurveyAnswerPage";
import { SurveyPage } from "./features/surveys/SurveyPage";
import { SurveysPage } from "./features/surveys/SurveysPage";
import { LicencesPage } from "./features/compliance/LicencesPage";
import { RegulationsPage } from "./features/compliance/RegulationsPage";
import { DirectInvitationsPage, DirectQuotationPage } from "./features/direct/DirectVendorPages";
import { HomePage } from "./features/public/HomePage";
import { RegisterConfirmPage } from "./features/registration/RegisterConfirmPage";
import { RegisterPage } from "./features/registration/RegisterPage";
import { SettingsPage } from "./features/settings/SettingsPage";
import { SetupPage } from "./features/setup/SetupPage";
import { CyclePage } from "./features/standards/CyclePage";
import { StandardsPage } from "./features/standards/StandardsPage";
import { ComparisonPage } from "./features/standards/ComparisonPage";
import { TemplatesPage } from "./features/standards/TemplatesPage";
import { VisitsPage } from "./features/standards/VisitsPage";
import { TenderPage } from "./features/tenders/TenderPage";
import { UserCreatePage } from "./features/users/UserCreatePage";
import { UsersPage } from "./features/users/UsersPage";
import { LicenceCreatePage } from "./features/vendors/LicenceCreatePage";
import { RecordCreatePage, RecordEditPage } from "./features/vendors/RecordFormPage";
import { VendorPage } from "./features/vendors/VendorPage";
import { VerificationDetailPage } from "./features/verification/VerificationDetailPage";
import { VerificationQueuePage } from "./features/verification/VerificationQueuePage";
import { WorkspacePage } from "./features/workspace/WorkspacePage";
import { Shell } from "./layout/Shell";
import { AccountSecurityPage } from "./features/auth/AccountSecurityPage";
import { ForgotPasswordPage } from "./features/auth/ForgotPasswordPage";
import { ResetPasswordPage } from "./features/auth/ResetPasswordPage";

/*
 * One bundle, no lazy routes: the admin pages add little, and a page that appears synchronously after a
 * click never shows the previous page's fields in the meantime.
 */
export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/login", element: <LoginPage /> },
      // Vendor self-registration (Indonesian paths: the emailed link points at /daftar/konfirmasi).
      { path: "/daftar", element: <RegisterPage /> },
      { path: "/daftar/konfirmasi", element: <RegisterConfirmPage /> },
      // Password reset (Indonesian paths: the emailed link points at /lupa-sandi/atur).
      { path: "/lupa-sandi", element: <ForgotPasswordPage /> },
      { path: "/lupa-sandi/atur", element: <ResetPasswordPage /> },
      // The public announcement (the inbox links of answers and addenda point here).
      { path: "/tender/:tenderCode", element: <TenderPage /> },
      { path: "/pengadaan-langsung", element: <DirectResultsPage /> },
      // The public Help page: FAQ, the ticket form, tracking by code (the emailed link is /bantuan?kode=…).
      { path: "/bantuan", element: <HelpPage /> },
      // The public survey form (the emailed personal link is /survei/isi?token=…).
      { path: "/survei/isi", element: <SurveyAnswerPage /> },
      {
        path: "/app",
        element: <RequireAuth />,
        children: [
          { index: true, element: <WorkspacePage /> },
          {
            element: <RequirePermission permission="manageAgencies" />,
            children: [
              { path: "agencies", element: <AgenciesPage /> },
              { path: "agencies/new", element: <AgencyCreatePage /> },
              { path: "agencies/:agencyId", element: <AgencyDetailPage /> },
            ],
          },
          {
            element: <RequirePermission permission="manageUsers" />,
            children: [
              { path: "users", element: <UsersPage /> },
              { path: "users/new", element: <UserCreatePage /> },
            ],
          },
          {
            element: <RequirePermission permission="manageSettings" />,
            children: [{ path: "settings", element: <SettingsPage /> }],
          },
          // Every signed-in user has an inbox.
          { path: "notifikasi", element: <NotificationsPage /> },
          { path: "keamanan", element: <AccountSecurityPage /> },
          // Role pages: the role decides (layout/navItems.ts ROLE_PAGES), as the API does not send permissions for them.
          {
            element: <RequireRole page="vendorProfile" />,
            children: [
              { path: "penyedia", element: <VendorPage /> },
              { path: "penyedia/izin/baru", element: <LicenceCreatePage /> },
              // Deeds, owners, … by their Indonesian names: penyedia/data/akta/baru, penyedia/data/tenaga-ahli/:id/ubah.
              { path: "penyedia/data/:kindSlug/baru", element: <RecordCreatePage /> },
              { path: "penyedia/data/:kindSlug/:recordId/ubah", element: <RecordEditPage /> },
            ],
          },
          {
            element: <RequireRole page="verification" />,
            children: [
              { path: "verifikasi", element: <VerificationQueuePage /> },
              { path: "verifikasi/:vendorId", element: <VerificationDetailPage /> },
            ],
          },
          {
            element: <RequireRole page="packages" />,
            children: [
              { path: "paket", element: <PackagesPage /> },
              { path: "paket/:packageId", element: <PackageDetailPage /> },
            ],
          },
          {
            // The edit page checks more: the PPK who made the package, while it is a draft.
            element: <RequireRole page="packageCreate" />,
            children: [
              { path: "paket/baru", element: <PackageCreatePage /> },
              { path: "paket/:packageId/ubah", element: <PackageEditPage /> },
            ],
          },
          {
            element: <RequireRole page="openingKey" />,
            children: [{ path: "kunci-pembukaan", element: <OpeningKeyPage /> }],
          },
          {
            element: <RequireRole page="directInvitations" />,
            children: [
              { path: "pengadaan-langsung", element: <DirectInvitationsPage /> },
              { path: "pengadaan-langsung/:packageId", element: <DirectQuotationPage /> },
            ],
          },
          {
            element: <RequireRole page="standards" />,
            children: [
              { path: "standar", element: <StandardsPage /> },
              { path: "standar/perbandingan", element: <ComparisonPage /> },
              { path: "standar/templat", element: <TemplatesPage /> },
              { path: "standar/kunjungan", element: <VisitsPage /> },
              { path: "standar/:cycleId", element: <CyclePage /> },
            ],
          },
          {
            element: <RequireRole page="mailOutbox" />,
            children: [{ path: "surat-keluar", element: <MailOutboxPage /> }],
          },
          {
            element: <RequireRole page="restoreDrills" />,
            children: [{ path: "uji-pemulihan", element: <DrillsPage /> }],
          },
          {
            element: <RequireRole page="helpdesk" />,
            children: [
              { path: "helpdesk", element: <TicketQueuePage /> },
              { path: "helpdesk/laporan", element: <MonthlyReportPage /> },
            ],
          },
          {
            element: <RequireRole page="helpdeskManage" />,
            children: [
              { path: "helpdesk/baru", element: <TicketCreatePage /> },
              { path: "helpdesk/faq", element: <ArticlesPage /> },
            ],
          },
          {
            element: <RequireRole page="registers" />,
            children: [
              { path: "register/aset", element: <AssetsPage /> },
              { path: "register/risiko", element: <RisksPage /> },
              { path: "register/risiko/:riskId", element: <RiskPage /> },
              { path: "register/perubahan", element: <ChangesPage /> },
            ],
          },
          {
            element: <RequireRole page="operationsRegisters" />,
            children: [
              { path: "kapasitas", element: <CapacityPage /> },
              { path: "akses-server", element: <AccessGrantsPage /> },
              { path: "patch-kerentanan", element: <PatchesScansPage /> },
              { path: "kompetensi", element: <CompetencePage /> },
              { path: "pelatihan", element: <TrainingsPage /> },
              { path: "ruang-server", element: <ServerRoomPage /> },
            ],
          },
          {
            element: <RequireRole page="budgetSuppliers" />,
            children: [
              { path: "anggaran", element: <BudgetPage /> },
              { path: "pemasok", element: <SuppliersPage /> },
            ],
          },
          {
            element: <RequireRole page="surveys" />,
            children: [
              { path: "survei", element: <SurveysPage /> },
              { path: "survei/:surveyId", element: <SurveyPage /> },
            ],
          },
          // Every signed-in user files improvement requests (the server shows staff all, anyone else their own).
          { path: "usulan", element: <ImprovementsPage /> },
          { path: "usulan/:requestId", element: <ImprovementPage /> },
          {
            element: <RequireRole page="compliance" />,
            children: [
              { path: "peraturan", element: <RegulationsPage /> },
              { path: "lisensi", element: <LicencesPage /> },
            ],
          },
          // The ticket page is also its submitter's (the server shows it only to staff readers and the submitter).
          { path: "helpdesk/tiket/:ticketId", element: <TicketPage /> },
          // The signed tree head is public knowledge: every logged-in user may see it.
          { path: "log", element: <LogPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
