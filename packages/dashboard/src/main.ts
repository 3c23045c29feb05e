// The dashboard's entry: the page's own styles and every element, registered once.
import './page.css';
import './vo-actions/vo-actions.ts';
import './vo-bar-chart/vo-bar-chart.ts';
import './vo-comments/vo-comments.ts';
import './vo-csat-chart/vo-csat-chart.ts';
import './vo-downloads/vo-downloads.ts';
import './vo-explanation/vo-explanation.ts';
import './vo-hand-in/vo-hand-in.ts';
import './vo-overview/vo-overview.ts';
import './vo-period-picker/vo-period-picker.ts';
import './vo-qr-code/vo-qr-code.ts';
import './vo-service-list/vo-service-list.ts';
import './vo-service-report/vo-service-report.ts';
import './vo-sign-in/vo-sign-in.ts';
import './vo-themes/vo-themes.ts';
import './vo-webhooks/vo-webhooks.ts';
import './vo-dashboard/vo-dashboard.ts';
